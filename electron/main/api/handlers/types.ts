import type { Channel, ChannelOutput, ParsedInput } from '../../../../shared/ipc/contract';

/** A handler for each of some channels: given the validated input, it answers the channel's output. */
export type HandlerMap<Cs extends Channel> = {
  [C in Cs]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};
