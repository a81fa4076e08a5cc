// Fee items and diagnoses for the settlement screens come from the catalogue team's search box
// (renderer/components/catalog-search): type code, name or pinyin initials; ↑/↓ move, Enter
// picks, Esc clears. This wrapper fixes the settlement defaults (a short list, valid items only).
import type { CatalogGroup, CatalogItem } from '@src/contract/methods/catalog';
import { CatalogSearchBox } from '../catalog-search';

export function ItemSearch({ group, label, onPick, testId, inputRef }: { group: CatalogGroup; label: string; onPick: (item: CatalogItem) => void; testId: string; inputRef?: React.RefObject<HTMLInputElement | null> }) {
  return (
    <div className="item-search">
      <CatalogSearchBox group={group} label={label} onPick={onPick} testId={testId} limit={50} listHeight={260} {...(inputRef ? { inputRef } : {})} />
    </div>
  );
}
