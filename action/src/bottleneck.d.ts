// The light build of Bottleneck (no Redis clustering), which the throttling plugin uses too.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
