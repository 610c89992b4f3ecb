import { useEffect, useState } from 'react';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { CaseListItem } from '../../../shared/api/methods/case-lists';
import { formatIdentifier, moveItem } from '../../../shared/domain/agenda';
import { useT } from '../../i18n/useT';
import { stockholmClock } from './format';
import { CaseChecklist } from '../checklist/ChecklistPanel';

interface Props {
  items: CaseListItem[];
  editable: boolean;
  onReorder(referralIds: number[]): void;
  onRemove(referralId: number): void;
  onMinutes(referralId: number, minutes: number): void;
}

/**
 * The list in its order. Reorder by dragging the handle (mouse, or keyboard: space, arrows, space)
 * or with the "move up/down" buttons; every change is saved at once and the planned times follow.
 */
export function SortableCaseList({ items, editable, onReorder, onRemove, onMinutes }: Props) {
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const ids = items.map((i) => i.referralId);
  const t = useT();
  const caseNo = (id: string | number) => ids.indexOf(Number(id)) + 1;
  // Screen readers hear the drag in the user's language (dnd-kit's defaults are English).
  const accessibility = {
    screenReaderInstructions: { draggable: t('caseList.dragInstructions') },
    announcements: {
      onDragStart: ({ active }: { active: { id: string | number } }) => t('caseList.dragPicked', { n: caseNo(active.id) }),
      onDragOver: ({ over }: { over: { id: string | number } | null }) => (over ? t('caseList.dragOver', { n: caseNo(over.id) }) : undefined),
      onDragEnd: ({ over }: { over: { id: string | number } | null }) => (over ? t('caseList.dragDropped', { n: caseNo(over.id) }) : undefined),
      onDragCancel: () => t('caseList.dragCancelled'),
    },
  };
  function dragEnd(e: DragEndEvent) {
    if (!e.over || e.active.id === e.over.id) return;
    onReorder(moveItem(ids, ids.indexOf(Number(e.active.id)), ids.indexOf(Number(e.over.id))));
  }
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={dragEnd} accessibility={accessibility}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className="case-list">
          {items.map((item, n) => (
            <SortableRow
              key={item.referralId}
              item={item}
              n={n}
              count={items.length}
              editable={editable}
              onMove={(to) => onReorder(moveItem(ids, n, to))}
              onRemove={() => onRemove(item.referralId)}
              onMinutes={(m) => onMinutes(item.referralId, m)}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function SortableRow(props: {
  item: CaseListItem;
  n: number;
  count: number;
  editable: boolean;
  onMove(to: number): void;
  onRemove(): void;
  onMinutes(m: number): void;
}) {
  const { item, n, count, editable } = props;
  const t = useT();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.referralId, disabled: !editable });
  const [minutes, setMinutes] = useState(String(item.minutes));
  useEffect(() => setMinutes(String(item.minutes)), [item.minutes]);
  const commitMinutes = () => {
    if (minutes !== String(item.minutes)) props.onMinutes(Number(minutes));
  };
  return (
    <li
      ref={setNodeRef}
      className={`case-row${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      aria-label={t('caseList.caseNo', { n: n + 1 })}
    >
      {editable && (
        <button type="button" className="drag-handle" aria-label={t('caseList.dragHandle', { n: n + 1 })} {...attributes} {...listeners}>
          ⠿
        </button>
      )}
      <div className="case-time">
        <strong>{t('caseList.caseNo', { n: n + 1 })}</strong>
        <span>{stockholmClock(item.plannedStart)}</span>
      </div>
      <div className="case-main">
        <div className="case-name">
          {item.familyName}, {item.givenName} <span className="muted">{formatIdentifier(item.identifier)}</span>
          {item.priority === 'urgent' && <span className="tag tag-urgent">{t('caseList.urgent')}</span>}
          {item.rediscussion && <span className="tag">{t('caseList.rediscussion')}</span>}
          {item.addedByHand && <span className="tag">{t('caseList.byHand')}</span>}
          {item.carriedFrom && <span className="tag">{t('caseList.carriedFrom', { date: item.carriedFrom.localDate })}</span>}
        </div>
        <div className="muted">{item.referringUnitName}</div>
        {item.question && <div>{item.question}</div>}
        <CaseChecklist item={item} />
      </div>
      <div className="case-tools">
        {editable ? (
          <label className="minutes">
            <span>{t('caseList.minutes')}</span>
            <input
              type="number"
              min={1}
              max={120}
              value={minutes}
              aria-label={t('caseList.minutesFor', { n: n + 1 })}
              onChange={(e) => setMinutes(e.target.value)}
              onBlur={commitMinutes}
              onKeyDown={(e) => e.key === 'Enter' && commitMinutes()}
            />
          </label>
        ) : (
          <span>
            {t('caseList.minutes')}: {item.minutes}
          </span>
        )}
        {editable && (
          <div className="row-buttons">
            <button
              type="button"
              onClick={() => props.onMove(n - 1)}
              disabled={n === 0}
              aria-label={`${t('caseList.moveUp')}: ${t('caseList.caseNo', { n: n + 1 })}`}
            >
              ↑
            </button>
            <button
              type="button"
              onClick={() => props.onMove(n + 1)}
              disabled={n === count - 1}
              aria-label={`${t('caseList.moveDown')}: ${t('caseList.caseNo', { n: n + 1 })}`}
            >
              ↓
            </button>
            <button type="button" className="danger" onClick={props.onRemove} aria-label={t('caseList.removeCase', { n: n + 1 })}>
              {t('caseList.remove')}
            </button>
          </div>
        )}
      </div>
    </li>
  );
}
