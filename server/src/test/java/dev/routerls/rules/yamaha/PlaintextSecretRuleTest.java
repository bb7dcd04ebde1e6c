package dev.routerls.rules.yamaha;

import dev.routerls.core.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

class PlaintextSecretRuleTest {
    @Test
    void plainSecretsAreReportedWithoutTheirValue() {
        List<Diagnostic> d = YamahaFixture.assertRule(PlaintextSecretRule.ID, """
                login password «yamaha/plaintext-secret~login password|Hunter2Login»
                pp select 1
                 pp auth myname user@isp «yamaha/plaintext-secret|Sup3rPpSecret»
                pp select anonymous
                 pp auth username alice «yamaha/plaintext-secret~PP user password|AlicePw99»
                tunnel select 2
                 ipsec ike pre-shared-key 2 text «yamaha/plaintext-secret~pre-shared key|COMMONKEY»
                 l2tp tunnel auth on «yamaha/plaintext-secret|L2tpPw»
                """);
        for (Diagnostic x : d) {
            for (String secret : List.of("Hunter2Login", "Sup3rPpSecret", "AlicePw99", "COMMONKEY", "L2tpPw")) {
                assertFalse(x.message().contains(secret), x.message());
            }
        }
    }

    /** `show config` writes a password that is set as `*`: nothing secret is in the text (issue 7, item 7). */
    @Test
    void passwordsShownAsSetDoNotFire() {
        YamahaFixture.assertRule(PlaintextSecretRule.ID, """
                # RTX1210 Rev.14.01.42 (Fri Jul  5 11:17:45 2024)
                login password *
                administrator password *
                administrator password encrypted *
                login user admin *
                login user operator «yamaha/plaintext-secret~login user password|**»
                """);
    }

    @Test
    void encryptedFormsDoNotFire() {
        YamahaFixture.assertRule(PlaintextSecretRule.ID, """
                login password encrypted AbCdEf012345
                administrator password encrypted AbCdEf012345
                login user operator encrypted AbCdEf012345
                """);
    }

    /** Every secret-bearing command of the reference, with its secret word(s) as the finding's range. */
    @Test
    void everySecretBearingCommandIsReported() {
        String config = """
                login user operator «yamaha/plaintext-secret~login user password|OpPw1»
                administrator password «yamaha/plaintext-secret~administrator password|AdmPw2»
                radius secret «yamaha/plaintext-secret~RADIUS shared secret|RadSec3»
                snmp community read-only «yamaha/plaintext-secret~SNMP community|RoComm4»
                snmp community read-write «yamaha/plaintext-secret~SNMP community|RwComm5»
                snmpv2c community read-only «yamaha/plaintext-secret~SNMP community|V2Comm6»
                snmp trap community «yamaha/plaintext-secret~SNMP community|TrapComm7»
                snmp host 192.168.100.5 «yamaha/plaintext-secret|HostRo8» «yamaha/plaintext-secret|HostRw9»
                snmp host any
                snmp trap host 192.168.100.5 «yamaha/plaintext-secret|TrapHost10»
                snmpv2c trap host 192.168.100.5 inform «yamaha/plaintext-secret|Inform11»
                snmpv3 usm user 1 monitor group 1 sha «yamaha/plaintext-secret~SNMPv3 authentication|AuthPw12» aes128-cfb «yamaha/plaintext-secret~SNMPv3 privacy|PrivPw13»
                wan1 auth myname mobile@isp «yamaha/plaintext-secret~WAN login password|WanPw14»
                ipsec ike pre-shared-key 3 «yamaha/plaintext-secret~IKE pre-shared key|0xCDEEEDC0CDEDCD»
                tunnel select 1
                 tunnel hb46pp auth myname cpe01 «yamaha/plaintext-secret~provisioning|Hb46Pw15»
                 ipsec ike xauth myname 1 roaming «yamaha/plaintext-secret~EAP/XAUTH|Xauth16»
                 ipsec ike eap myname 1 roaming «yamaha/plaintext-secret~EAP/XAUTH|Eap17»
                tunnel select none
                pp select 1
                 pp auth username peer «yamaha/plaintext-secret~PP user password|PeerPw18» myname me «yamaha/plaintext-secret~PP login password|MyPw19»
                pp select none
                auth user 1 alice «yamaha/plaintext-secret~VPN user password|Alice20»
                ngn radius auth password «yamaha/plaintext-secret~NGN RADIUS|Ngn21»
                ip lan1 rip auth key text «yamaha/plaintext-secret~RIP authentication key|Rip22»
                ip lan2 rip auth key «yamaha/plaintext-secret~RIP authentication key|0a0b0c0d»
                bgp neighbor pre-shared-key 1 text «yamaha/plaintext-secret~BGP neighbor key|Bgp23»
                heartbeat pre-shared-key «yamaha/plaintext-secret~heartbeat pre-shared key|Hb24»
                heartbeat2 transmit 1 crypto «yamaha/plaintext-secret~heartbeat2 encryption|Hc25» auth «yamaha/plaintext-secret~heartbeat2 authentication|Ha26» 192.168.1.2
                heartbeat2 transmit enable 1
                httpd custom-gui api password «yamaha/plaintext-secret~custom GUI API|Api27»
                """;
        List<Diagnostic> d = YamahaFixture.assertRule(PlaintextSecretRule.ID, config);
        for (Diagnostic x : d) {
            for (String secret : List.of("OpPw1", "AdmPw2", "RadSec3", "RoComm4", "HostRw9", "AuthPw12", "PrivPw13",
                    "WanPw14", "CDEEEDC0", "Hb46Pw15", "Xauth16", "PeerPw18", "MyPw19", "Alice20", "Rip22", "Api27")) {
                assertFalse(x.message().contains(secret), x.message());
            }
        }
    }

    @Test
    void encryptedLoginFormsPointToNothingElseToDo() {
        List<Diagnostic> d = YamahaFixture.assertRule(PlaintextSecretRule.ID, """
                login password «yamaha/plaintext-secret~`encrypted` form|Plain1»
                radius secret «yamaha/plaintext-secret~mask the value|Plain2»
                """);
        assertFalse(d.get(1).message().contains("encrypted"), d.get(1).message());
    }
}
