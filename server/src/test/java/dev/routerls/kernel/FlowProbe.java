package dev.routerls.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two ends of the live flows {@link MapeSnatKernelIT} sends through a router namespace; run with
 * {@code ip netns exec NS java -cp test-classes dev.routerls.kernel.FlowProbe …}. JDK only.
 * <pre>
 *   serve BIND_IP TCP_PORT UDP_PORT [PORTS]
 *       listens on PORTS (default 1) consecutive TCP and UDP ports from TCP_PORT and UDP_PORT, prints
 *       "ready", then records the source of every TCP connection and UDP datagram; when its standard
 *       input ends it waits a moment for late packets and prints "tcp IP PORT" / "udp IP PORT" lines and "end"
 *   send DEST_IP TCP_PORT UDP_PORT TCP_FLOWS UDP_FLOWS TIMEOUT_MS
 *       opens TCP_FLOWS connections at once and keeps them open, sends one datagram from each of
 *       UDP_FLOWS sockets, and prints "tcp-ok N", "tcp-failed N", "udp-sent N"
 *   burst DEST_IP TCP_PORT UDP_PORT PORTS THREADS TCP_FLOWS UDP_FLOWS TIMEOUT_MS
 *       THREADS threads, released together, share TCP_FLOWS connections and UDP_FLOWS one-datagram
 *       sockets, flow j going to port TCP_PORT/UDP_PORT + j mod PORTS (so no destination takes more flows
 *       than a port block holds); every socket stays open to the end, so no source port is reused and
 *       every flow is a new connection for the router; prints the same counts as send
 * </pre>
 */
public final class FlowProbe {
    private FlowProbe() {
    }

    public static void main(String[] args) throws Exception {
        if ((args.length == 4 || args.length == 5) && args[0].equals("serve")) {
            serve(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args.length == 5 ? Integer.parseInt(args[4]) : 1);
        } else if (args.length == 7 && args[0].equals("send")) {
            send(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
        } else if (args.length == 9 && args[0].equals("burst")) {
            burst(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]), Integer.parseInt(args[8]));
        } else {
            System.err.println("usage: serve BIND_IP TCP_PORT UDP_PORT [PORTS]"
                    + " | send DEST_IP TCP_PORT UDP_PORT TCP_FLOWS UDP_FLOWS TIMEOUT_MS"
                    + " | burst DEST_IP TCP_PORT UDP_PORT PORTS THREADS TCP_FLOWS UDP_FLOWS TIMEOUT_MS");
            System.exit(2);
        }
    }

    /** One selector thread accepts and receives on every port; the main thread waits for the end of input. */
    private static void serve(String bind, int tcpPort, int udpPort, int ports) throws Exception {
        List<String> seen = new ArrayList<>();
        List<SocketChannel> open = new ArrayList<>();
        InetAddress at = InetAddress.getByName(bind);
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < ports; i++) {
                ServerSocketChannel tcp = ServerSocketChannel.open();
                tcp.bind(new InetSocketAddress(at, tcpPort + i), 4096);
                tcp.configureBlocking(false);
                tcp.register(selector, SelectionKey.OP_ACCEPT);
                DatagramChannel udp = DatagramChannel.open();
                udp.bind(new InetSocketAddress(at, udpPort + i));
                udp.configureBlocking(false);
                udp.register(selector, SelectionKey.OP_READ);
            }
            AtomicInteger stop = new AtomicInteger();
            Thread loop = new Thread(() -> {
                ByteBuffer buf = ByteBuffer.allocate(64);
                try {
                    while (true) {
                        boolean stopping = stop.get() == 1;
                        int ready = stopping ? selector.selectNow() : selector.select();
                        if (stopping && ready == 0) return;
                        for (SelectionKey k : selector.selectedKeys()) {
                            if (k.channel() instanceof ServerSocketChannel s) {
                                for (SocketChannel c = s.accept(); c != null; c = s.accept()) {
                                    InetSocketAddress from = (InetSocketAddress) c.getRemoteAddress();
                                    seen.add("tcp " + from.getAddress().getHostAddress() + " " + from.getPort());
                                    open.add(c);
                                }
                            } else if (k.channel() instanceof DatagramChannel d) {
                                for (SocketAddress a = d.receive(buf.clear()); a != null; a = d.receive(buf.clear())) {
                                    InetSocketAddress from = (InetSocketAddress) a;
                                    seen.add("udp " + from.getAddress().getHostAddress() + " " + from.getPort());
                                }
                            }
                        }
                        selector.selectedKeys().clear();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            loop.start();
            System.out.println("ready");
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // the test closes our input when the sender is done
            }
            Thread.sleep(300);
            stop.set(1);
            selector.wakeup();
            loop.join(10_000);
            for (SelectionKey k : selector.keys()) k.channel().close();
        }
        for (SocketChannel c : open) c.close();
        StringBuilder out = new StringBuilder();
        for (String s : seen) out.append(s).append('\n');
        out.append("end\n");
        System.out.write(out.toString().getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }

    private static void send(String dest, int tcpPort, int udpPort, int tcpFlows, int udpFlows, int timeoutMs)
            throws Exception {
        InetSocketAddress tcpTo = new InetSocketAddress(dest, tcpPort);
        List<Socket> sockets = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(tcpFlows, 128)));
        List<Future<Socket>> pending = new ArrayList<>();
        for (int i = 0; i < tcpFlows; i++) {
            pending.add(pool.submit(() -> connect(tcpTo, timeoutMs)));
        }
        int ok = 0;
        for (Future<Socket> f : pending) {
            Socket s = f.get();
            if (s != null) {
                ok++;
                sockets.add(s);
            }
        }
        pool.shutdown();
        pool.awaitTermination(timeoutMs + 1000L, TimeUnit.MILLISECONDS);
        List<DatagramSocket> udp = new ArrayList<>();
        InetSocketAddress udpTo = new InetSocketAddress(dest, udpPort);
        int sent = 0;
        for (int i = 0; i < udpFlows; i++) {
            DatagramSocket d = new DatagramSocket();
            udp.add(d);
            if (datagram(d, udpTo)) sent++;
        }
        Thread.sleep(200);
        report(ok, tcpFlows - ok, sent);
        for (Socket s : sockets) s.close();
        for (DatagramSocket d : udp) d.close();
    }

    private static void burst(String dest, int tcpPort, int udpPort, int ports, int threads, int tcpFlows, int udpFlows,
                              int timeoutMs) throws Exception {
        InetAddress to = InetAddress.getByName(dest);
        List<Socket> tcp = java.util.Collections.synchronizedList(new ArrayList<>());
        List<DatagramSocket> udp = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    // TCP and UDP flows interleaved, so both protocols meet the other threads' flows
                    for (int j = first; j < Math.max(tcpFlows, udpFlows); j += threads) {
                        if (j < tcpFlows) {
                            Socket s = connect(new InetSocketAddress(to, tcpPort + j % ports), timeoutMs);
                            if (s != null) {
                                ok.incrementAndGet();
                                tcp.add(s);
                            }
                        }
                        if (j < udpFlows) {
                            DatagramSocket d = new DatagramSocket();
                            udp.add(d);
                            if (datagram(d, new InetSocketAddress(to, udpPort + j % ports))) sent.incrementAndGet();
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            w.start();
            workers.add(w);
        }
        start.countDown();
        for (Thread w : workers) w.join();
        Thread.sleep(200);
        report(ok.get(), tcpFlows - ok.get(), sent.get());
        for (Socket s : tcp) s.close();
        for (DatagramSocket d : udp) d.close();
    }

    private static Socket connect(InetSocketAddress to, int timeoutMs) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(to, timeoutMs);
            return s;
        } catch (IOException e) {
            s.close();
            return null;
        }
    }

    private static boolean datagram(DatagramSocket d, InetSocketAddress to) {
        byte[] payload = "flow".getBytes(StandardCharsets.US_ASCII);
        try {
            d.send(new DatagramPacket(payload, payload.length, to));
            return true;
        } catch (IOException e) {
            // a local send error (EPERM from a NAT that found no port) counts as not sent
            return false;
        }
    }

    private static void report(int tcpOk, int tcpFailed, int udpSent) {
        System.out.println("tcp-ok " + tcpOk);
        System.out.println("tcp-failed " + tcpFailed);
        System.out.println("udp-sent " + udpSent);
        System.out.flush();
    }
}
