// The headline figures of "what changed": now, before and the change, with an arrow and words
// as well as colour.
import type { ChangeFigure } from '@/lib/changes/types';
import { TONE_TEXT } from '@/components/ui/tone';
import { figureView } from './model/figure-view';

export function ChangeFigures({ figures, windowLabel }: { figures: ChangeFigure[]; windowLabel: string }) {
  return (
    <div className="table-scroll">
      <table className="w-full text-sm" data-testid="change-figures">
        <caption className="sr-only">Each headline figure over the {windowLabel} and the {windowLabel} before</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
            <th scope="col" className="py-1 pr-3 font-medium">Figure</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Now</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Before</th>
            <th scope="col" className="py-1 text-right font-medium">Change</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {figures.map((figure) => {
            const view = figureView(figure);
            return (
              <tr key={figure.id} data-testid={`change-${figure.id}`} data-direction={view.direction} data-tone={view.tone}>
                <th scope="row" className="py-1.5 pr-3 text-left font-medium text-slate-800">
                  {figure.name}
                  <span className="ml-1 text-xs font-normal text-slate-500">{figure.measure === 'latest' ? 'latest' : 'average'}</span>
                </th>
                <td className="py-1.5 pr-3 text-right tabular-nums text-slate-900">{view.now}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums text-slate-600">{view.before}</td>
                <td className={`py-1.5 text-right tabular-nums ${TONE_TEXT[view.tone]}`}>
                  <span aria-hidden="true">{view.arrow} </span>
                  {view.delta}
                  <span className="ml-1 text-xs">{view.words}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
