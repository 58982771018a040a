package org.duban.app.audit.trail;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event of the contract is worded: it has a name and a sentence in both languages, and every field path the
 * audit trail flattens it into (dotted for nested records, a list as one value) has a label or is deliberately hidden,
 * so a new event or field cannot show a raw key on the pages.
 */
class EventFieldLabelsTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ResourceBundleMessageSource messages = Bundles.messages();

    /**
     * The contract's events: records some aggregate, projection or process handles as an event, and records named in
     * the past tense (TaskAcknowledged, ReportingCadenceSet, SupervisionCaseClosedOut, ScoringReminderSent, ScoringOverdue) that no command targets, so an event nothing handles yet
     * is found too.
     */
    static Set<Class<?>> events() {
        Set<Class<?>> events = new TreeSet<>(Comparator.comparing(Class::getSimpleName));
        JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.duban");
        for (JavaClass type : classes) {
            for (JavaMethod method : type.getMethods()) {
                if ((method.isAnnotatedWith(EventSourcingHandler.class) || method.isAnnotatedWith(EventHandler.class))
                        && !method.getRawParameterTypes().isEmpty()
                        && method.getRawParameterTypes().get(0).getPackageName().startsWith("org.duban.api")) {
                    events.add(method.getRawParameterTypes().get(0).reflect());
                }
            }
            if (!type.getPackageName().startsWith("org.duban.api")) {
                continue;
            }
            Class<?> reflected = type.reflect();
            if (reflected.isRecord() && !reflected.isMemberClass()
                    && reflected.getSimpleName().matches(".*(ed|edOut|Set|Sent|Overdue)")
                    && Arrays.stream(reflected.getDeclaredFields())
                    .noneMatch(f -> f.isAnnotationPresent(TargetAggregateIdentifier.class))) {
                events.add(reflected);
            }
        }
        return events;
    }

    /** The field paths the audit trail records for an event type, with the Java type of each value. */
    static Map<String, JavaType> fieldPaths(Class<?> event) {
        Map<String, JavaType> paths = new TreeMap<>();
        walk("", JSON.constructType(event), paths);
        return paths;
    }

    private static void walk(String prefix, JavaType type, Map<String, JavaType> into) {
        BeanDescription bean = JSON.getSerializationConfig().introspect(type);
        for (BeanPropertyDefinition property : bean.findProperties()) {
            String path = prefix.isEmpty() ? property.getName() : prefix + "." + property.getName();
            JavaType value = property.getPrimaryType();
            if (value.getRawClass().isRecord()) {
                walk(path, value, into);
            } else {
                into.put(path, value);
            }
        }
    }

    @Test
    void the_contract_has_events_and_the_wording_knows_each_of_them() {
        Set<String> names = new TreeSet<>();
        events().forEach(event -> names.add(event.getSimpleName()));
        assertThat(names).contains("TaskCreated", "ReportReturned", "ReportingCadenceSet");
        assertThat(names).containsExactlyInAnyOrderElementsOf(EventWording.EVENT_TYPES);
    }

    @Test
    void every_event_has_a_name_and_a_sentence_in_chinese_and_in_english() {
        for (Class<?> event : events()) {
            for (Locale locale : new Locale[]{Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                for (String key : new String[]{"event." + event.getSimpleName(), "event." + event.getSimpleName() + ".sentence"}) {
                    assertThat(messages.getMessage(key, null, null, locale)).as(key + " in " + locale).isNotBlank();
                }
            }
        }
    }

    @Test
    void every_field_an_event_records_has_a_label_in_both_languages_or_is_hidden() {
        Set<String> missing = new TreeSet<>();
        for (Class<?> event : events()) {
            for (String path : fieldPaths(event).keySet()) {
                if (EventWording.hidden(path)) {
                    continue;
                }
                for (Locale locale : new Locale[]{Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                    if (messages.getMessage("field." + event.getSimpleName() + "." + path, null, null, locale) == null
                            && messages.getMessage("field." + path, null, null, locale) == null) {
                        missing.add(event.getSimpleName() + ": field." + path + " (" + locale + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void every_code_an_event_records_is_named_in_both_languages() {
        Set<String> missing = new TreeSet<>();
        for (Class<?> event : events()) {
            fieldPaths(event).forEach((path, type) -> {
                if (!type.isEnumType() || EventWording.hidden(path)) {
                    return;
                }
                String prefix = EventWording.codesOf(event.getSimpleName(), path);
                if (prefix == null) {
                    missing.add(event.getSimpleName() + "." + path + ": no bundle prefix for its codes");
                    return;
                }
                for (Object code : type.getRawClass().getEnumConstants()) {
                    for (Locale locale : new Locale[]{Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                        if (messages.getMessage(prefix + code, null, null, locale) == null) {
                            missing.add(prefix + code + " (" + locale + ")");
                        }
                    }
                }
            });
        }
        assertThat(missing).isEmpty();
    }
}
