/** The Backstage annotation (on entities) and label (on objects) that tie objects to an entity. */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';
