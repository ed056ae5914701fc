/** The floor: a bare WebSocket echo round trip to the server process, no Yjs, no storage. */
import { WebSocket } from 'ws';
import type { Scenario } from '../harness.ts';
import { spawnServer } from '../server-control.ts';
import { describeDistribution, distribution, Samples } from '../stats.ts';

export const echo: Scenario = {
  name: 'echo',
  title: 'Bare WebSocket echo round trip (the floor for edit latency)',
  async run(context) {
    const server = await spawnServer();
    const socket = new WebSocket(server.echoUrl);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    // About the size of a relayed keystroke update.
    const payload = new Uint8Array(64).fill(7);
    const roundTrip = () =>
      new Promise<number>((resolve) => {
        const sent = performance.now();
        socket.once('message', () => resolve(performance.now() - sent));
        socket.send(payload);
      });
    const samples = new Samples();
    const count = context.quick ? 1_000 : 3_000;
    for (let i = 0; i < 200 + count; i++) {
      const rtt = await roundTrip();
      if (i >= 200) samples.push(rtt);
    }
    socket.close();
    await server.stop();
    const rtt = distribution(samples.toArray());
    context.echoP50 = rtt.p50;
    context.log(`  echo round trip: ${describeDistribution(rtt)}`);
    return { name: 'echo', figures: { roundTrip: rtt }, checks: [] };
  },
};
