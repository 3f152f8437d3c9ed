package org.minicoin.node.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.node.config.ConfigException;
import org.minicoin.node.config.Options;
import org.minicoin.node.rpc.server.RpcServerConfig.Endpoint;

class RpcServerConfigTest {
    @TempDir
    Path dir;

    @Test
    void bindNeedsAllowIpOrItIsLoopbackAsInCore() {
        RpcServerConfig base = RpcServerConfig.localhost(18443, null);
        List<Endpoint> loopback = List.of(new Endpoint("::1", 18443), new Endpoint("127.0.0.1", 18443));
        assertThat(base.endpoints()).isEqualTo(loopback);

        RpcServerConfig bindOnly = base.withNetwork(List.of("0.0.0.0"), List.of());
        assertThat(bindOnly.endpoints()).isEqualTo(loopback);
        assertThat(bindOnly.warnings()).containsExactly("Option -rpcbind was ignored because -rpcallowip was not "
                + "specified, refusing to allow everyone to connect");

        RpcServerConfig allowOnly = base.withNetwork(List.of(), List.of(Subnet.parse("10.0.0.0/8")));
        assertThat(allowOnly.endpoints()).isEqualTo(loopback);
        assertThat(allowOnly.warnings()).hasSize(1);

        RpcServerConfig both = base.withNetwork(List.of("0.0.0.0", "10.1.2.3:9000", "[::]:9001", "fe80::1"),
                List.of(Subnet.parse("10.0.0.0/8")));
        assertThat(both.endpoints()).containsExactly(new Endpoint("0.0.0.0", 18443), new Endpoint("10.1.2.3", 9000),
                new Endpoint("::", 9001), new Endpoint("fe80::1", 18443));
        assertThat(both.warnings()).isEmpty();
    }

    @Test
    void aBadPortInRpcbindIsCoresError() {
        RpcServerConfig base = RpcServerConfig.localhost(18443, null);
        for (String bad : List.of("1.2.3.4:0", "1.2.3.4:65536", "1.2.3.4:x", "[::1]:")) {
            assertThatThrownBy(() -> base.withNetwork(List.of(bad), List.of()))
                    .hasMessage("Invalid port specified in -rpcbind: '" + bad + "'");
        }
    }

    @Test
    void fromOptionsReadsTheRpcOptions() {
        Options options = Options.parse("-regtest", "-datadir=" + dir, "-noconf", "-rpcport=1234",
                "-rpcbind=0.0.0.0", "-rpcallowip=192.168.0.0/16", "-rpcuser=u", "-rpcpassword=p",
                "-rpcauth=a:s$h", "-rpcauth=b:t$i", "-rpcthreads=3", "-rpcworkqueue=5").withConfigFile();
        RpcServerConfig c = RpcServerConfig.from(options);
        assertThat(c.port()).isEqualTo(1234);
        assertThat(c.endpoints()).containsExactly(new Endpoint("0.0.0.0", 1234));
        assertThat(c.allowIps()).extracting(Subnet::toString).containsExactly("192.168.0.0/16");
        assertThat(c.user()).isEqualTo("u");
        assertThat(c.password()).isEqualTo("p");
        assertThat(c.rpcAuth()).containsExactly("a:s$h", "b:t$i");
        assertThat(c.threads()).isEqualTo(3);
        assertThat(c.workQueueDepth()).isEqualTo(5);
        assertThat(c.maxBodyBytes()).isEqualTo(32 << 20);
        assertThat(c.cookieFile()).isEqualTo(dir.toAbsolutePath().resolve("regtest").resolve(".cookie"));
    }

    @Test
    void fromOptionsDefaultsAndNoCookie() {
        Options options = Options.parse("-regtest", "-datadir=" + dir, "-noconf", "-norpccookiefile")
                .withConfigFile();
        RpcServerConfig c = RpcServerConfig.from(options);
        assertThat(c.port()).isEqualTo(18443);
        assertThat(c.cookieFile()).isNull();
        assertThat(c.threads()).isEqualTo(RpcServerConfig.DEFAULT_THREADS);
        assertThat(c.workQueueDepth()).isEqualTo(RpcServerConfig.DEFAULT_WORK_QUEUE);
    }

    @Test
    void fromOptionsNamesABadValue() {
        Options badAllow = Options.parse("-regtest", "-datadir=" + dir, "-noconf", "-rpcallowip=example.com")
                .withConfigFile();
        assertThatThrownBy(() -> RpcServerConfig.from(badAllow)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid -rpcallowip subnet specification: example.com.");
        Options badAuth = Options.parse("-regtest", "-datadir=" + dir, "-noconf", "-rpcauth=user:nodollar")
                .withConfigFile();
        assertThatThrownBy(() -> RpcServerConfig.from(badAuth)).isInstanceOf(ConfigException.class)
                .hasMessage("Invalid -rpcauth argument.");
    }
}
