// remark-cli configuration for `npm run lint:md` (see CONTRIBUTING.md).
// Our rules are TypeScript: registering tsx here lets plain `npx remark` and editor
// plugins load them too, not only the npm script.
import 'tsx';

const {default: preset} = await import('./scripts/lint/preset.ts');

export default {
  plugins: [preset],
};
