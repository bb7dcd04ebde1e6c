package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

/**
 * Lines a terminal wrapped at 80 columns (issue 7, item 3): comment lines re-join like commands do, and a
 * wrapped line is one finding at most. Every {@code yamaha/*} finding of each fixture is marked.
 */
class WrappedLinesTest {
    @Test
    void wrappedHeaderCommentsRejoinOnAnyModel() {
        String nvr = """
                # NVR510 Rev.15.01.14 (Fri Nov 16 16:15:56 2018)
                # MAC Address : ac:44:f2:66:23:70, ac:44:f2:66:23:71
                # main:  NVR510 ver=00 serial=M4X142347 MAC-Address=ac:44:f2:66:23:70 MAC-Addre
                ss=ac:44:f2:66:23:71
                # Reporting Date: Mar 27 13:43:32 2025
                ip lan1 address 192.168.3.1/24
                """;
        YamahaFixture.assertRule("yamaha/", nvr);
        YamahaFixture.assertRule("yamaha/", nvr.replace("NVR510", "RTX1210"));
    }

    /** A dump whose serial and MAC addresses were masked by hand: the wrapped row is no longer 80 wide. */
    @Test
    void aMaskedWrappedHeaderStillRejoins() {
        YamahaFixture.assertRule("yamaha/", """
                # RTX1210 Rev.14.01.05 (Thu Nov  6 08:45:55 2014)
                # MAC Address : ********
                # main:  RTX1210 ver=00 serial=****** MAC-Address=*****
                ess=***** MAC-Address=*****
                # Reporting Date: Nov 3 16:04:00 2014
                ip lan1 address 192.168.100.1/24
                """);
    }

    @Test
    void aWrappedCommandIsOneLineAndAFaultAfterACommentIsStillReported() {
        YamahaFixture.assertRule("yamaha/", """
                # RTX1210 Rev.14.01.20 (Thu Jun  1 07:52:40 2017)
                ip lan1 address 192.168.8.1/24
                pp select 2
                 ip pp secure filter out 201013 201020 201021 201022 201023 201024 201025 20102
                6 201099
                 pp enable 2
                ip filter 201013 reject * 192.168.8.0/24 * * *
                ip filter 201020 reject * * udp,tcp 135 *
                ip filter 201021 reject * * udp,tcp * 135
                ip filter 201022 reject * * udp,tcp netbios_ns-netbios_ssn *
                ip filter 201023 reject * * udp,tcp * netbios_ns-netbios_ssn
                ip filter 201024 reject * * udp,tcp 445 *
                ip filter 201025 reject * * udp,tcp * 445
                ip filter 201026 restrict * * tcpfin * www,21,nntp
                ip filter 201099 pass * * * * *
                # a note of the author
                ip lan1 «yamaha/syntax~Did you mean|adress» 192.168.8.1/24
                """);
    }

    /** A mistyped command right below the header is no wrapped header row. */
    @Test
    void aCommandRightAfterTheHeaderIsNotJoinedToIt() {
        YamahaFixture.assertRule("yamaha/", """
                # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
                ip lan1 «yamaha/syntax~Did you mean|adress» 192.168.100.1/24
                """);
    }

    /** A line of plain words below the header is no cut-off header field: it is read, and it is no command. */
    @Test
    void anUnknownWordRightAfterTheHeaderIsNotJoinedToIt() {
        YamahaFixture.assertRule("yamaha/", """
                # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
                «yamaha/syntax~Unknown command|foo» bar
                ip lan1 address 192.168.100.1/24
                """);
    }
}
