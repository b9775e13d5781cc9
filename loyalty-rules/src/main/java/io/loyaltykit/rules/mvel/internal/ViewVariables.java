package io.loyaltykit.rules.mvel.internal;

import io.loyaltykit.program.LineView;
import io.loyaltykit.program.MemberView;
import io.loyaltykit.program.TxView;
import org.mvel2.integration.VariableResolver;
import org.mvel2.integration.VariableResolverFactory;

import java.util.Set;

/**
 * The variables of one evaluation, read-only: MVEL can look them up and nothing else. Creating or setting
 * a variable fails, so even an assignment that got past every check could not take effect. One small
 * object per evaluation, no map.
 */
final class ViewVariables implements VariableResolverFactory {
    private static final long serialVersionUID = 1L;

    private static final Set<String> NAMES = Set.of("member", "tx", "line", Functions.VARIABLE);

    private final transient MemberView member;
    private final transient TxView tx;
    private final transient LineView line;

    ViewVariables(MemberView member, TxView tx, LineView line) {
        this.member = member;
        this.tx = tx;
        this.line = line;
    }

    @Override
    public VariableResolver getVariableResolver(String name) {
        switch (name) {
            case "member":
                return new Value(name, MemberView.class, member);
            case "tx":
                return new Value(name, TxView.class, tx);
            case "line":
                return new Value(name, LineView.class, line);
            case Functions.VARIABLE:
                return new Value(name, Functions.class, Functions.INSTANCE);
            default:
                throw new IllegalStateException("'" + name + "' is not a condition variable");
        }
    }

    @Override
    public boolean isTarget(String name) {
        return NAMES.contains(name);
    }

    @Override
    public boolean isResolveable(String name) {
        return NAMES.contains(name);
    }

    @Override
    public Set<String> getKnownVariables() {
        return NAMES;
    }

    @Override
    public VariableResolver createVariable(String name, Object value) {
        throw readOnly(name);
    }

    @Override
    public VariableResolver createIndexedVariable(int index, String name, Object value) {
        throw readOnly(name);
    }

    @Override
    public VariableResolver createVariable(String name, Object value, Class<?> type) {
        throw readOnly(name);
    }

    @Override
    public VariableResolver createIndexedVariable(int index, String name, Object value, Class<?> type) {
        throw readOnly(name);
    }

    @Override
    public VariableResolver setIndexedVariableResolver(int index, VariableResolver resolver) {
        throw readOnly(String.valueOf(index));
    }

    @Override
    public VariableResolverFactory getNextFactory() {
        return null;
    }

    @Override
    public VariableResolverFactory setNextFactory(VariableResolverFactory resolverFactory) {
        throw readOnly("the next factory");
    }

    @Override
    public VariableResolver getIndexedVariableResolver(int index) {
        throw new IllegalStateException("condition variables are not indexed");
    }

    @Override
    public int variableIndexOf(String name) {
        return -1;
    }

    @Override
    public boolean isIndexedFactory() {
        return false;
    }

    @Override
    public boolean tiltFlag() {
        return false;
    }

    @Override
    public void setTiltFlag(boolean tilt) {
        // no statement lists, so nothing ever stops early
    }

    private static UnsupportedOperationException readOnly(String name) {
        return new UnsupportedOperationException("conditions are read-only: cannot set " + name);
    }

    /** One variable's value, immutable. */
    private static final class Value implements VariableResolver {
        private static final long serialVersionUID = 1L;

        private final String name;
        private final Class<?> type;
        private final transient Object value;

        Value(String name, Class<?> type, Object value) {
            this.name = name;
            this.type = type;
            this.value = value;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class getType() {
            return type;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public void setStaticType(Class type) {
            throw readOnly(name);
        }

        @Override
        public int getFlags() {
            return 0;
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public void setValue(Object value) {
            throw readOnly(name);
        }
    }
}
