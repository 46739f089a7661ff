import { Skeleton } from 'antd';
import { useEffect, useState } from 'react';

/** A QR code of `value` as an image (drawn by the qrcode package, loaded when first shown). */
export function QrCode({
  value,
  alt,
  size = 220,
  onReady,
}: {
  value: string;
  alt: string;
  size?: number;
  onReady?: (dataUrl: string) => void;
}) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then(async ({ default: QRCode }) => {
      const dataUrl = await QRCode.toDataURL(value, {
        width: size * 2,
        margin: 1,
        errorCorrectionLevel: 'M',
      });
      if (!live) return;
      setUrl(dataUrl);
      onReady?.(dataUrl);
    });
    return () => {
      live = false;
    };
  }, [value, size, onReady]);
  if (!url) return <Skeleton.Image active style={{ width: size, height: size }} />;
  return (
    <img
      src={url}
      alt={alt}
      width={size}
      height={size}
      style={{ imageRendering: 'pixelated', maxWidth: '100%', height: 'auto' }}
    />
  );
}
