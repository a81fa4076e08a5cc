// A plain-text receipt (provisional receipt, difference receipt, self-pay slip), printable with the
// browser's print (the settlement screens' silent printer is for settlement receipts).
import { useT } from '../../i18n';

export interface ReceiptText {
  title: string;
  lines: string[];
}

export function ReceiptView({ receipt }: { receipt: ReceiptText }) {
  const t = useT();
  return (
    <div className="receipt" data-testid="offline-receipt">
      <h2>{receipt.title}</h2>
      <pre>{receipt.lines.join('\n')}</pre>
      <button type="button" onClick={() => window.print()}>
        {t('offline.print')}
      </button>
    </div>
  );
}
