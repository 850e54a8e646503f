import type { InvokeHandler } from "./monitor";

/**
 * Functions the landing-zone program may call. It derives names and ARNs from the org file, so
 * there are none: any lookup is a mistake the offline plan should surface.
 */
export const landingZoneInvokes: InvokeHandler = () => undefined;
