/** The two volumes of an enforcement file (domain brief §5.2). */
export const VOLUMES = ['正卷', '副卷'] as const;
export type Volume = (typeof VOLUMES)[number];
