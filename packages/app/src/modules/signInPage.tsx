import { SignInPage } from '@backstage/core-components';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * The demo portal signs people in as a guest: no identity provider to set up. The backend's
 * guest provider issues the token (see `auth.providers.guest` in app-config.yaml).
 */
const guestSignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => (props) => <SignInPage {...props} providers={['guest']} />,
  },
});

export const signInPageModule = createFrontendModule({
  pluginId: 'app',
  extensions: [guestSignInPage],
});
