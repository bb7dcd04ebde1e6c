package dev.routerls.analysis;

import com.google.gson.JsonParser;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsReaderTest {
    @Test
    void readsModelReleaseAndRules() {
        var layer = SettingsReader.read(JsonParser.parseString(
                "{\"model\":\"RTX830\",\"openwrtRelease\":\"23.05\",\"rules\":{\"yamaha/a\":\"off\",\"yamaha/b\":\"error\",\"yamaha/c\":false}}"));
        AnalysisSettings s = SettingsReader.combine(layer);
        assertEquals("RTX830", s.model().orElseThrow());
        assertEquals("23.05", s.release().orElseThrow());
        assertFalse(s.enabled("yamaha/a"));
        assertFalse(s.enabled("yamaha/c"));
        assertTrue(s.enabled("yamaha/b"));
        Diagnostic d = new Diagnostic("yamaha/b", Severity.HINT, "u", SourceRange.of(0, 0, 1), "m");
        assertEquals(Severity.ERROR, s.apply(d).severity());
    }

    @Test
    void acceptsTheVsCodeSectionWrapperAndIgnoresJunk() {
        var layer = SettingsReader.read(JsonParser.parseString("{\"routerls\":{\"model\":\"NVR510\",\"rules\":[1,2]}}"));
        assertEquals("NVR510", layer.model());
        assertEquals(Map.of(), layer.rules());
        assertEquals(SettingsReader.Layer.EMPTY, SettingsReader.readText("{not json"));
        assertEquals(SettingsReader.Layer.EMPTY, SettingsReader.read(JsonParser.parseString("[]")));
    }

    @Test
    void readsWhatTheVsCodeExtensionSends() {
        var layer = SettingsReader.read(JsonParser.parseString(
                "{\"yamahaModel\":\"RTX1300\",\"openwrtRelease\":null,\"ruleSeverity\":{\"yamaha/limit\":\"off\"}}"));
        assertEquals("RTX1300", layer.model());
        assertNull(layer.openwrtRelease());
        assertEquals(Map.of("yamaha/limit", "off"), layer.rules());
    }

    @Test
    void laterLayersWinFieldByField() {
        var client = new SettingsReader.Layer("RTX1210", "21.02", Map.of("a/x", "off", "a/y", "warning"));
        var file = new SettingsReader.Layer(null, "23.05", Map.of("a/y", "error"));
        AnalysisSettings s = SettingsReader.combine(client, file);
        assertEquals("RTX1210", s.yamahaModel());
        assertEquals("23.05", s.openwrtRelease());
        assertEquals(Map.of("a/x", "off", "a/y", "error"), s.ruleSeverity());
        assertNull(SettingsReader.combine().yamahaModel());
    }
}
