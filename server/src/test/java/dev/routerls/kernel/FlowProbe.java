package dev.routerls.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The two ends of the live flows {@link MapeSnatKernelIT} sends through a router namespace; run with
 * {@code ip netns exec NS java -cp test-classes dev.routerls.kernel.FlowProbe …}. JDK only.
 * <pre>
 *   serve BIND_IP TCP_PORT UDP_PORT
 *       prints "ready", then records the source of every TCP connection and UDP datagram; when its
 *       standard input ends it waits a moment for late packets and prints "tcp IP PORT" / "udp IP PORT"
 *       lines and "end"
 *   send DEST_IP TCP_PORT UDP_PORT TCP_FLOWS UDP_FLOWS TIMEOUT_MS
 *       opens TCP_FLOWS connections at once and keeps them open, sends one datagram from each of
 *       UDP_FLOWS sockets, and prints "tcp-ok N", "tcp-failed N", "udp-sent N"
 * </pre>
 */
public final class FlowProbe {
    private FlowProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("serve")) {
            serve(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else if (args.length == 7 && args[0].equals("send")) {
            send(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
        } else {
            System.err.println("usage: serve BIND_IP TCP_PORT UDP_PORT | send DEST_IP TCP_PORT UDP_PORT TCP_FLOWS UDP_FLOWS TIMEOUT_MS");
            System.exit(2);
        }
    }

    private static void serve(String bind, int tcpPort, int udpPort) throws Exception {
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        List<Socket> open = new ArrayList<>();
        InetAddress at = InetAddress.getByName(bind);
        try (ServerSocket tcp = new ServerSocket(tcpPort, 1024, at); DatagramSocket udp = new DatagramSocket(udpPort, at)) {
            Thread accept = new Thread(() -> {
                while (!tcp.isClosed()) {
                    try {
                        Socket s = tcp.accept();
                        InetSocketAddress from = (InetSocketAddress) s.getRemoteSocketAddress();
                        seen.add("tcp " + from.getAddress().getHostAddress() + " " + from.getPort());
                        synchronized (open) {
                            open.add(s);
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            Thread receive = new Thread(() -> {
                byte[] buf = new byte[64];
                while (!udp.isClosed()) {
                    try {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        udp.receive(p);
                        seen.add("udp " + p.getAddress().getHostAddress() + " " + p.getPort());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            accept.start();
            receive.start();
            System.out.println("ready");
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // the test closes our input when the sender is done
            }
            Thread.sleep(300);
            tcp.close();
            udp.close();
            accept.join(2000);
            receive.join(2000);
        }
        synchronized (open) {
            for (Socket s : open) s.close();
        }
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
            pending.add(pool.submit(() -> {
                Socket s = new Socket();
                try {
                    s.connect(tcpTo, timeoutMs);
                    return s;
                } catch (IOException e) {
                    s.close();
                    return null;
                }
            }));
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
        byte[] payload = "flow".getBytes(StandardCharsets.US_ASCII);
        int sent = 0;
        for (int i = 0; i < udpFlows; i++) {
            DatagramSocket d = new DatagramSocket();
            udp.add(d);
            try {
                d.send(new DatagramPacket(payload, payload.length, udpTo));
                sent++;
            } catch (IOException e) {
                // a local send error (EPERM from a NAT that found no port) counts as not sent
            }
        }
        Thread.sleep(200);
        System.out.println("tcp-ok " + ok);
        System.out.println("tcp-failed " + (tcpFlows - ok));
        System.out.println("udp-sent " + sent);
        System.out.flush();
        for (Socket s : sockets) s.close();
        for (DatagramSocket d : udp) d.close();
    }
}
