package org.rxradar.web.page;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Pebble templates of every web page ({@code web/*.peb}, one layout {@code base.peb}) and the
 * one stylesheet they share. Autoescaping is on, as for the digest: every value from an item,
 * a form or a link is HTML-escaped. Templates are compiled once and cached; thread-safe.
 */
public final class PageTemplates {
    /** Where the stylesheet is served; stable, so browsers and proxies may keep it. */
    public static final String STYLESHEET_PATH = "/assets/style.css";
    public static final String STYLESHEET_CACHE_CONTROL = "public, max-age=86400";

    private static final PebbleEngine ENGINE = engine();
    private static final byte[] STYLESHEET = resource("web/style.css");

    private PageTemplates() {}

    private static PebbleEngine engine() {
        ClasspathLoader loader = new ClasspathLoader(PageTemplates.class.getClassLoader());
        loader.setPrefix("web");
        return new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(true).newLineTrimming(true).build();
    }

    /**
     * Renders {@code web/<name>.peb}.
     *
     * @param nav which header link is the current page ("leads", "settings", "trends", "feeds" or "")
     */
    public static String render(String name, String nav, Map<String, Object> values) {
        Map<String, Object> context = new HashMap<>(values);
        context.putIfAbsent("nav", nav);
        context.putIfAbsent("stylesheet", STYLESHEET_PATH);
        PebbleTemplate template = ENGINE.getTemplate(name + ".peb");
        StringWriter out = new StringWriter(16_384);
        try {
            template.evaluate(out, context, Locale.ENGLISH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static byte[] renderBytes(String name, String nav, Map<String, Object> values) {
        return render(name, nav, values).getBytes(StandardCharsets.UTF_8);
    }

    /** A short page with one message: {@code kind} "notice" (role status) or "error" (role alert). */
    public static byte[] message(String title, String kind, String message) {
        return renderBytes("message", "", Map.of("title", title, "kind", kind, "message", message));
    }

    public static byte[] stylesheet() {
        return STYLESHEET.clone();
    }

    private static byte[] resource(String path) {
        try (InputStream in = PageTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
