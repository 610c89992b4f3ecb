import { CarePlanEditor } from './CarePlanEditor';
import { WorklistsView } from './WorklistsView';

/** #/care-plans (worklists, new plan, batch export) and #/care-plans/<id> (the editor). */
export function CarePlansPage({ segments }: { segments: string[] }) {
  const id = Number(segments[1]);
  return Number.isInteger(id) && id > 0 ? <CarePlanEditor key={id} id={id} /> : <WorklistsView />;
}
