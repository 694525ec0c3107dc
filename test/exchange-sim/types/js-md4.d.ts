// js-md4 ships no type declarations; this covers the one call the simulator makes.
declare module 'js-md4' {
  interface Md4 {
    (message: ArrayBuffer | Uint8Array | string): string;
    arrayBuffer(message: ArrayBuffer | Uint8Array | string): ArrayBuffer;
    hex(message: ArrayBuffer | Uint8Array | string): string;
  }
  const md4: Md4;
  export = md4;
}
