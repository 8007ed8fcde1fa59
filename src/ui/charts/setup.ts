/**
 * chart.js set-up for the results: only the controllers, elements, scales and plugins the charts
 * use are registered, so the bundle carries nothing else (chart.js 4 tree-shakes by registration).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

let registered = false;

export function setUpCharts(): typeof Chart {
  if (!registered) {
    Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, BarController, BarElement, Filler, Legend, Tooltip);
    // Charts are redrawn for the video cursor many times a second: no animations, and still
    // screenshots and prints show the final state.
    Chart.defaults.animation = false;
    Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    Chart.defaults.color = '#39424e';
    registered = true;
  }
  return Chart;
}

export { Chart };
