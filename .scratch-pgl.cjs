const { PGlite } = require('@electric-sql/pglite');
const { btree_gist } = require('@electric-sql/pglite/contrib/btree_gist');
const fs = require('fs');
(async () => {
  const buf = fs.readFileSync(process.argv[2]);
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
  class B extends Blob { arrayBuffer() { return Promise.resolve(ab); } }
  const extra = process.argv.slice(3);
  const startParams = extra.length ? [...PGlite.defaultStartParams ?? [], ...extra] : undefined;
  let cpu = 0;
  for (let i = 0; i < 5; i++) {
    const c0 = process.cpuUsage();
    const db = new PGlite({ extensions: { btree_gist }, loadDataDir: new B([]), ...(startParams ? { startParams } : {}) });
    await db.waitReady;
    await db.query('select count(*) from t');
    const c = process.cpuUsage(c0); if (i > 0) cpu += (c.user + c.system) / 1000;
    if (i === 0) console.log((await db.query('show shared_buffers')).rows, (await db.query('select current_database()')).rows);
    await db.close();
  }
  console.log(extra.join(' ') || 'default', 'avg cpu ms', Math.round(cpu / 4));
})();
