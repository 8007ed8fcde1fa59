import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ModelChoice } from '../homeView';

const MODEL_KEY = 'gait-model';

function storedModel(): ModelChoice {
  try {
    return localStorage.getItem(MODEL_KEY) === 'thunder' ? 'thunder' : 'lightning';
  } catch {
    return 'lightning';
  }
}

/** The pose model the user chose (Lightning or Thunder), remembered in localStorage. */
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
