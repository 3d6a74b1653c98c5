export { AigovCard } from './AigovCard';
