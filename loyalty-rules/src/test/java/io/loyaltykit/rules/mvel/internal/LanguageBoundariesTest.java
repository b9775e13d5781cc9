package io.loyaltykit.rules.mvel.internal;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The allow-list stays in step with the views and the helper functions, and no allowed name is denied. */
class LanguageBoundariesTest {

    @Test
    void everyViewComponentIsReadableWithItsType() {
        for (Type view : List.of(Type.MEMBER, Type.TX, Type.LINE)) {
            Set<String> components = new TreeSet<>();
            for (RecordComponent rc : view.cls().getRecordComponents()) {
                components.add(rc.getName());
            }
            Set<String> allowed = new TreeSet<>();
            for (AllowList.Spec s : AllowList.members(view)) {
                allowed.add(s.name());
                Class<?> javaType = recordType(view.cls(), s.name());
                Class<?> declared = s.result().cls();
                assertThat(javaType == declared || box(javaType) == declared
                        || declared.isAssignableFrom(javaType)).as(view + "." + s.name()).isTrue();
            }
            assertThat(allowed).as("a new view field needs a decision in AllowList").isEqualTo(components);
        }
    }

    @Test
    void everyAllowedMethodExistsOnItsJavaTypeWithTheDeclaredResult() throws Exception {
        for (Map.Entry<Type, List<AllowList.Spec>> e : AllowList.all().entrySet()) {
            Class<?> receiver = e.getKey().cls();
            for (AllowList.Spec s : e.getValue()) {
                if (s.viaFunction() != null) {
                    Method m = Functions.class.getMethod(s.viaFunction(), receiver);
                    assertThat(m.getReturnType()).isEqualTo(s.result().cls());
                    continue;
                }
                List<Class<?>> params = new ArrayList<>();
                for (Type p : s.params()) {
                    params.add(unbox(p.cls()));
                }
                Method m = find(receiver, s.name(), params);
                assertThat(m).as(receiver.getSimpleName() + "." + s.name() + params).isNotNull();
                assertThat(Modifier.isStatic(m.getModifiers())).isFalse();
                Class<?> ret = box(m.getReturnType());
                assertThat(s.result().cls().isAssignableFrom(ret) || s.result() == Type.OBJECT)
                        .as(receiver.getSimpleName() + "." + s.name()).isTrue();
            }
        }
    }

    @Test
    void everyFunctionExistsOnTheFunctionsObject() throws Exception {
        for (String name : AllowList.functionNames()) {
            AllowList.Function f = AllowList.function(name);
            List<Class<?>> params = new ArrayList<>();
            for (Type p : f.params()) {
                params.add(p.cls());
            }
            Method m = Functions.class.getMethod(name, params.toArray(Class[]::new));
            assertThat(box(m.getReturnType())).isEqualTo(f.result().cls());
        }
    }

    @Test
    void noAllowedNameIsADeniedWord() {
        Set<String> names = new TreeSet<>(AllowList.functionNames());
        names.addAll(Set.of("member", "tx", "line", "true", "false", "null"));
        for (List<AllowList.Spec> specs : AllowList.all().values()) {
            for (AllowList.Spec s : specs) {
                names.add(s.name());
            }
        }
        assertThat(names).filteredOn(Lexer::denied).isEmpty();
    }

    private static final Map<Type, String> SAMPLE = Map.ofEntries(Map.entry(Type.MEMBER, "member"),
            Map.entry(Type.TX, "tx"), Map.entry(Type.LINE, "line"), Map.entry(Type.STRING, "line.sku"),
            Map.entry(Type.INT, "1"), Map.entry(Type.LONG, "member.points"), Map.entry(Type.DECIMAL, "line.net"),
            Map.entry(Type.INSTANT, "tx.at"), Map.entry(Type.DATE, "member.birthday"),
            Map.entry(Type.DAY_OF_WEEK, "tx.dayOfWeek"), Map.entry(Type.MONTH, "member.birthday.getMonth()"),
            Map.entry(Type.STRINGS, "member.tags"), Map.entry(Type.LINES, "tx.lines"),
            Map.entry(Type.ATTRIBUTES, "tx.attributes"));

    /** A condition that is true or false depending on a value of this type. */
    private static String test(Type t, String value) {
        if (t == Type.BOOLEAN) {
            return value;
        } else if (t == Type.STRING) {
            return value + " == 'x'";
        } else if (t.numeric()) {
            return value + " > 0";
        } else if (t == Type.OBJECT) {
            return value + " == null";
        } else if (t == Type.DAY_OF_WEEK) {
            return value + " == 'MONDAY'";
        } else if (t == Type.MONTH) {
            return value + " == 'JULY'";
        } else if (t == Type.INSTANT) {
            return value + ".isBefore(tx.at)";
        } else if (t == Type.DATE) {
            return value + ".isBefore(member.birthday)";
        } else if (t == Type.STRINGS || t == Type.LINES || t == Type.ATTRIBUTES) {
            return value + ".isEmpty()";
        }
        return value + ".id == 'x'";
    }

    @Test
    void everyAllowedMemberAndFunctionCompilesAndRunsThroughMvel() {
        io.loyaltykit.program.MemberView m = new io.loyaltykit.program.MemberView("m", "gold", List.of("a"), "F",
                java.time.LocalDate.of(1990, 7, 15), "S", java.time.Instant.EPOCH, null, 5);
        io.loyaltykit.program.LineView l = new io.loyaltykit.program.LineView("1", "COLOR-01", "service",
                java.math.BigDecimal.ONE, java.math.BigDecimal.TEN, java.math.BigDecimal.TEN);
        io.loyaltykit.program.TxView tx = new io.loyaltykit.program.TxView("t", "purchase", null, null,
                java.math.BigDecimal.TEN, java.time.Instant.EPOCH.plusSeconds(86_400), java.time.DayOfWeek.MONDAY, 9,
                List.of(l), Map.of("k", 1));
        List<String> exercised = new ArrayList<>();
        for (Map.Entry<Type, List<AllowList.Spec>> e : AllowList.all().entrySet()) {
            for (AllowList.Spec s : e.getValue()) {
                List<String> args = new ArrayList<>();
                for (Type p : s.params()) {
                    args.add(p == Type.STRING ? "'k'" : SAMPLE.get(p));
                }
                String call = SAMPLE.get(e.getKey()) + "." + s.name() + "(" + String.join(", ", args) + ")";
                exercised.add(test(s.result(), call));
            }
        }
        for (String name : AllowList.functionNames()) {
            AllowList.Function f = AllowList.function(name);
            List<String> args = new ArrayList<>();
            for (Type p : f.params()) {
                args.add(p == Type.STRING ? "'service'" : SAMPLE.get(p));
            }
            exercised.add(test(f.result(), name + "(" + String.join(", ", args) + ")"));
        }
        for (String condition : exercised) {
            SandboxedCondition c = ConditionCompiler.compile("r", condition, true, 2000, 32, 256, 1_000_000_000L);
            c.test(m, tx, l);
        }
        assertThat(exercised).hasSizeGreaterThan(70);
    }

    private static Class<?> recordType(Class<?> record, String name) {
        for (RecordComponent rc : record.getRecordComponents()) {
            if (rc.getName().equals(name)) {
                return rc.getType();
            }
        }
        throw new AssertionError(record.getSimpleName() + " has no " + name);
    }

    private static Method find(Class<?> receiver, String name, List<Class<?>> params) {
        for (Method m : receiver.getMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != params.size()) {
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < params.size(); i++) {
                Class<?> p = m.getParameterTypes()[i];
                ok &= p == params.get(i) || p == Object.class || p.isAssignableFrom(params.get(i))
                        || (p == CharSequence.class && params.get(i) == String.class);
            }
            if (ok) {
                return m;
            }
        }
        return null;
    }

    private static Class<?> box(Class<?> c) {
        if (c == int.class) {
            return Integer.class;
        } else if (c == long.class) {
            return Long.class;
        } else if (c == boolean.class) {
            return Boolean.class;
        }
        return c;
    }

    private static Class<?> unbox(Class<?> c) {
        if (c == Integer.class) {
            return int.class;
        } else if (c == Long.class) {
            return long.class;
        }
        return c;
    }
}
