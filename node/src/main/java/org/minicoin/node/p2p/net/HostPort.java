package org.minicoin.node.p2p.net;

import java.net.InetSocketAddress;

/**
 * Core's SplitHostPort for peer addresses: {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}; a
 * bare IPv6 address (more than one colon) has no port. Used by -connect/-addnode/-seednode/-bind and the addnode
 * RPC alike.
 */
public final class HostPort {
    private HostPort() {
    }

    /**
     * The address {@code text} names, with {@code defaultPort} when it gives none (unresolved names are resolved).
     *
     * @throws IllegalArgumentException if the port is not a number from 1 to 65535
     */
    public static InetSocketAddress parse(String text, int defaultPort) {
        String host = text;
        String port = null;
        if (text.startsWith("[") && text.indexOf(']') > 0) {
            int close = text.indexOf(']');
            host = text.substring(1, close);
            if (text.startsWith(":", close + 1)) {
                port = text.substring(close + 2);
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon > 0 && text.indexOf(':') == colon) {
                host = text.substring(0, colon);
                port = text.substring(colon + 1);
            }
        }
        int p = defaultPort;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = -1;
            }
        }
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("Invalid port in '" + text + "'");
        }
        return new InetSocketAddress(host, p);
    }
}
