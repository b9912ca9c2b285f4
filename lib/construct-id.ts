/** A catalog name as a construct id, `channelWebhook` → `ChannelWebhook`, so logical ids read alike. */
export function constructId(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
