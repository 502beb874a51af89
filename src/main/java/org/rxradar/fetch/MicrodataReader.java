package org.rxradar.fetch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Turns schema.org microdata items into the same JSON shape JSON-LD has, so one reader maps both. */
final class MicrodataReader {
    private MicrodataReader() {}

    static List<ObjectNode> items(Document page, String type) {
        List<ObjectNode> out = new ArrayList<>();
        for (Element scope : page.select("[itemscope][itemtype]")) {
            if (matches(scope.attr("itemtype"), type)) out.add(toNode(scope, 0));
        }
        return out;
    }

    private static boolean matches(String itemtype, String type) {
        for (String t : itemtype.trim().split("\\s+")) {
            if (t.endsWith("/" + type) || t.equalsIgnoreCase(type)) return true;
        }
        return false;
    }

    private static ObjectNode toNode(Element scope, int depth) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        String type = scope.attr("itemtype");
        node.put("@type", type.substring(type.lastIndexOf('/') + 1));
        if (depth < 5) addProperties(scope, node, depth);
        return node;
    }

    private static void addProperties(Element parent, ObjectNode node, int depth) {
        for (Element child : parent.children()) {
            if (child.hasAttr("itemprop")) {
                for (String name : child.attr("itemprop").trim().split("\\s+")) {
                    if (node.has(name)) continue;
                    if (child.hasAttr("itemscope")) node.set(name, toNode(child, depth + 1));
                    else node.put(name, value(child));
                }
                if (child.hasAttr("itemscope")) continue;
            }
            if (!child.hasAttr("itemscope")) addProperties(child, node, depth);
        }
    }

    private static String value(Element e) {
        return switch (e.normalName()) {
            case "meta" -> e.attr("content");
            case "a", "link", "area" -> e.absUrl("href").isEmpty() ? e.attr("href") : e.absUrl("href");
            case "img", "audio", "video", "source" -> e.absUrl("src");
            case "time" -> e.hasAttr("datetime") ? e.attr("datetime") : e.text();
            case "data", "meter" -> e.attr("value");
            default -> e.hasAttr("content") ? e.attr("content") : e.html();
        };
    }
}
