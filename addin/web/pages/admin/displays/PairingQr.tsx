import { makeStyles, tokens } from '@fluentui/react-components';
import { toString as qrSvg } from 'qrcode';
import { useEffect, useState } from 'react';
import { displaysStrings as text } from './strings';

const useStyles = makeStyles({
  qr: {
    width: '200px',
    height: '200px',
    maxWidth: '100%',
    backgroundColor: '#ffffff', // a QR code needs its light margin whatever the theme
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** The pairing URL as a QR code (SVG), for a tablet's camera. */
export function PairingQr({ url }: { url: string }) {
  const styles = useStyles();
  const [svg, setSvg] = useState<string>();
  useEffect(() => {
    let current = true;
    qrSvg(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      .then((made) => {
        if (current) setSvg(made);
      })
      .catch(() => undefined); // the code and the address are shown beside it anyway
    return () => {
      current = false;
    };
  }, [url]);
  if (svg === undefined) return null;
  return (
    <img
      className={styles.qr}
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={text.add.qrAlt(url)}
    />
  );
}
