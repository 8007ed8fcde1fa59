import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ModelChoice } from '../homeView';
import { DEFAULT_MODEL, isTrackingModel } from '../../../pose/models/catalog';

const MODEL_KEY = 'gait-model';

function storedModel(): ModelChoice {
  try {
    const stored = localStorage.getItem(MODEL_KEY);
    return isTrackingModel(stored) ? stored : DEFAULT_MODEL;
  } catch {
    return DEFAULT_MODEL;
  }
}

/** The pose model the user chose (a tracking model of the catalogue), remembered in localStorage. */
export class ModelController implements ReactiveController {
  model: ModelChoice = storedModel();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  set(model: ModelChoice): void {
    this.model = model;
    this.host.requestUpdate();
    try {
      localStorage.setItem(MODEL_KEY, model);
    } catch {
      // Storage may be blocked (private mode): the choice then lasts for this visit.
    }
  }
}
