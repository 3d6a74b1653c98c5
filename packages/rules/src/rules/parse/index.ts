import notKubernetes from './not-kubernetes';
import templateUnrendered from './template-unrendered';
import tooLarge from './too-large';
import yamlInvalid from './yaml-invalid';

export const parseRules = { yamlInvalid, notKubernetes, templateUnrendered, tooLarge };
