import { Alert, Button } from 'design-react-kit';
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import type { NoticeQrContent } from '@pagamenti/pagopa';
import { readNoticeQr } from './notice-codes';
import { barcodeDetector, decodeQrFile } from './qr-image';

export interface QrReaderProps {
  onNotice: (notice: NoticeQrContent) => void;
}

type Problem = 'notFound' | 'notPagoPa' | 'cameraDenied' | null;

/**
 * "Oppure leggi il codice QR": a photo of the notice decoded in the browser (jsQR), or the camera where the browser
 * has a QR reader of its own (BarcodeDetector); elsewhere the camera button is replaced by a sentence saying so.
 */
export function QrReader({ onNotice }: QrReaderProps) {
  const { t } = useT();
  const inputId = useId();
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);
  const [camera, setCamera] = useState(false);
  const [cameraAvailable] = useState(() => barcodeDetector() !== null);

  const accept = (text: string | null) => {
    if (text === null) return setProblem('notFound');
    const reading = readNoticeQr(text);
    if (reading.ok) {
      setProblem(null);
      onNotice(reading.notice);
    } else setProblem(reading.reason);
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      accept(await decodeQrFile(file));
    } catch {
      setProblem('notFound');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${inputId}-title`} className="mt-4">
      <h3 id={`${inputId}-title`} className="h5">
        {t('qr.title')}
      </h3>
      <div className="mb-3">
        <label htmlFor={inputId} className="form-label fw-semibold d-block">
          {t('qr.upload')}
        </label>
        <input
          id={inputId}
          type="file"
          accept="image/*"
          className="form-control"
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => void onFile(event.target.files?.[0])}
        />
        <small id={`${inputId}-hint`} className="form-text">
          {t('qr.uploadHint')}
        </small>
      </div>
      {cameraAvailable ? (
        camera ? (
          <CameraScanner
            onText={accept}
            onDenied={() => setProblem('cameraDenied')}
            onClose={() => setCamera(false)}
          />
        ) : (
          <Button color="primary" outline type="button" onClick={() => setCamera(true)}>
            {t('qr.camera')}
          </Button>
        )
      ) : (
        <p className="small text-secondary mb-0">{t('qr.cameraUnavailable')}</p>
      )}
      <div aria-live="polite">
        {busy && <p className="mt-2">{t('qr.reading')}</p>}
        {problem && (
          <Alert color="warning" fade={false} className="mt-3">
            {t(
              problem === 'cameraDenied'
                ? 'qr.cameraDenied'
                : problem === 'notPagoPa'
                  ? 'qr.notPagoPa'
                  : 'qr.notFound',
            )}
          </Alert>
        )}
      </div>
    </section>
  );
}

/** The rear camera in a video element, scanned with BarcodeDetector a few times a second until a code is found. */
function CameraScanner({
  onText,
  onDenied,
  onClose,
}: {
  onText: (text: string) => void;
  onDenied: () => void;
  onClose: () => void;
}) {
  const { t } = useT();
  const video = useRef<HTMLVideoElement>(null);
  const handlers = useRef({ onText, onDenied, onClose });
  useEffect(() => {
    handlers.current = { onText, onDenied, onClose };
  });

  useEffect(() => {
    const detector = barcodeDetector();
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        stream = media;
        if (stopped || !video.current || !detector) return stop();
        video.current.srcObject = media;
        await video.current.play();
        timer = setInterval(() => {
          if (!video.current || video.current.readyState < 2) return;
          void detector.detect(video.current).then((codes) => {
            const text = codes[0]?.rawValue;
            if (text && !stopped) {
              stop();
              handlers.current.onClose();
              handlers.current.onText(text);
            }
          });
        }, 300);
      })
      .catch(() => {
        handlers.current.onDenied();
        handlers.current.onClose();
      });
    return stop;
  }, []);

  return (
    <div>
      <p id="camera-help">{t('qr.cameraHelp')}</p>
      <video
        ref={video}
        className="w-100 rounded border mb-2"
        style={{ maxWidth: 480 }}
        muted
        playsInline
        aria-describedby="camera-help"
      />
      <div>
        <Button color="primary" outline type="button" onClick={onClose}>
          {t('qr.cameraStop')}
        </Button>
      </div>
    </div>
  );
}
