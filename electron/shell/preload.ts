// Sandboxed preload: exposes exactly one function to the page. The page never sees ipcRenderer itself,
// so it cannot reach any other channel.
import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL, type InvokeRequest, type JixiaoBridge } from './bridgeApi';

const bridge = {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, { channel, input } satisfies InvokeRequest),
} satisfies JixiaoBridge;

contextBridge.exposeInMainWorld('jixiao', bridge);
