// Shows what went wrong and what to do next, as the host said it (Chinese).
import { errorText } from '../bridge/api';

export function ErrorBanner({ error, onClose }: { error: unknown; onClose?: () => void }) {
  if (!error) return null;
  const { message, hint, code } = errorText(error);
  return (
    <div className="banner banner-error" role="alert" data-code={code}>
      <div className="banner-message">{message}</div>
      {hint && <div className="banner-hint">{hint}</div>}
      {onClose && (
        <button type="button" className="banner-close" onClick={onClose} aria-label="关闭">
          ×
        </button>
      )}
    </div>
  );
}

export function Notice({ children, level = 'info' }: { children: React.ReactNode; level?: 'info' | 'warning' | 'success' }) {
  return (
    <div className={`banner banner-${level}`} role="status">
      {children}
    </div>
  );
}
