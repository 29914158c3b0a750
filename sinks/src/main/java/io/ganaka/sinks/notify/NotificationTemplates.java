package io.ganaka.sinks.notify;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a notification from the Mustache templates under {@code io/ganaka/sinks/notify/templates/<kind>/}: one
 * {@code subject}, and per channel {@code email.txt} (+ {@code email.html}), {@code sms} and {@code in-app}; a channel
 * without a template of its own (a webhook) takes the in-app text. HTML templates escape every value; plain-text ones
 * print values as they are (escaping there would show {@code &amp;} to the reader), and a subject is one line, so that
 * no value can add a mail header.
 */
public final class NotificationTemplates {

    private static final String ROOT = "io/ganaka/sinks/notify/templates/";

    /** The rendered parts of one notification for one channel. */
    public record Rendered(String subject, String body, String bodyHtml) {}

    private final MustacheFactory html = new DefaultMustacheFactory(ROOT);
    private final MustacheFactory text = new PlainTextFactory();
    private final Map<String, Optional<Mustache>> compiled = new ConcurrentHashMap<>();

    /**
     * @throws IllegalArgumentException when the kind has no template for this channel
     */
    public Rendered render(String kind, String channel, Map<String, Object> model) {
        String subject = oneLine(renderText(kind, "subject", model));
        return switch (channel) {
            case "email" -> new Rendered(subject, renderText(kind, "email.txt", model),
                    template(html, kind, "email.html").map(t -> run(t, model)).orElse(null));
            case "sms" -> new Rendered(subject, oneLine(renderText(kind, "sms", model)), null);
            case "in-app" -> new Rendered(subject, renderText(kind, "in-app", model).strip(), null);
            default -> new Rendered(subject, (exists(kind, channel) ? renderText(kind, channel, model)
                    : renderText(kind, "in-app", model)).strip(), null);
        };
    }

    private boolean exists(String kind, String part) {
        return template(text, kind, part).isPresent();
    }

    private String renderText(String kind, String part, Map<String, Object> model) {
        Mustache template = template(text, kind, part).orElseThrow(() -> new IllegalArgumentException(
                "no template " + ROOT + kind + "/" + part + ".mustache"));
        return run(template, model);
    }

    private Optional<Mustache> template(MustacheFactory factory, String kind, String part) {
        String name = kind + "/" + part + ".mustache";
        return compiled.computeIfAbsent((factory == html ? "html:" : "text:") + name, key ->
                NotificationTemplates.class.getClassLoader().getResource(ROOT + name) == null
                        ? Optional.empty() : Optional.of(factory.compile(name)));
    }

    private static String run(Mustache template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        template.execute(out, model);
        return out.toString();
    }

    /** Control characters (line breaks included) become spaces, runs of spaces one space. */
    static String oneLine(String value) {
        return value.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    /** Mustache for plain text: values are written as they are. */
    private static final class PlainTextFactory extends DefaultMustacheFactory {

        PlainTextFactory() {
            super(ROOT);
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("cannot write a template value", e);
            }
        }
    }
}
