package io.loyaltykit.rules.mvel.internal;

import io.loyaltykit.program.LineView;
import io.loyaltykit.program.MemberView;
import io.loyaltykit.program.TxView;
import org.mvel2.CompileException;
import org.mvel2.Operator;
import org.mvel2.ParserConfiguration;
import org.mvel2.ParserContext;
import org.mvel2.ast.ASTNode;
import org.mvel2.ast.And;
import org.mvel2.ast.BinaryOperation;
import org.mvel2.ast.LiteralNode;
import org.mvel2.ast.Negation;
import org.mvel2.ast.Or;
import org.mvel2.ast.Substatement;
import org.mvel2.compiler.CompiledExpression;
import org.mvel2.compiler.ExecutableAccessor;
import org.mvel2.compiler.ExecutableLiteral;
import org.mvel2.compiler.ExecutableStatement;
import org.mvel2.compiler.ExpressionCompiler;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Compiles the checker's text with MVEL under strict typing, then walks what MVEL built and refuses
 * anything the checker did not intend: a node kind outside plain reads, literals and operators, an operator
 * outside the condition language, a chain of reads the checker did not write, a variable MVEL declared on
 * its own. This catches a difference between how the checker and MVEL read the same text.
 */
final class MvelBackend {

    private static final Set<Integer> OPERATORS = Set.of(Operator.ADD, Operator.SUB, Operator.MULT, Operator.DIV,
            Operator.MOD, Operator.EQUAL, Operator.NEQUAL, Operator.LTHAN, Operator.GTHAN, Operator.LETHAN,
            Operator.GETHAN, Operator.AND, Operator.OR);

    /**
     * MVEL resolves unknown names by loading classes (and so running their static initialisers) while it
     * compiles, and defines its generated accessors under this loader. The checked text names no class;
     * this loader makes sure that, whatever happens, only MVEL's own classes, the JDK's and the views
     * can be reached through the compiler's configuration.
     */
    static final ClassLoader VIEWS_ONLY = new ClassLoader(MvelBackend.class.getClassLoader()) {
        private final Set<String> exact = Set.of(MemberView.class.getName(), TxView.class.getName(),
                LineView.class.getName(), Functions.class.getName());

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("java.") || name.startsWith("org.mvel2.") || exact.contains(name)) {
                return super.loadClass(name, resolve);
            }
            throw new ClassNotFoundException(name + " is outside the condition sandbox");
        }
    };

    private MvelBackend() {
    }

    static CompiledExpression compile(Checker.Result checked, boolean lineRule) {
        ParserConfiguration conf = new ParserConfiguration();
        conf.setClassLoader(VIEWS_ONLY);
        ParserContext ctx = new ParserContext(conf);
        ctx.setStrictTypeEnforcement(true);
        ctx.setStrongTyping(true);
        ctx.addInput("member", MemberView.class);
        ctx.addInput("tx", TxView.class);
        if (lineRule) {
            ctx.addInput("line", LineView.class);
        }
        ctx.addInput(Functions.VARIABLE, Functions.class);
        int inputs = ctx.getInputs().size();
        CompiledExpression compiled;
        try {
            compiled = new ExpressionCompiler(checked.mvel(), ctx).compile();
        } catch (CompileException | IllegalArgumentException e) {
            throw new Refusal("MVEL refused the checked expression (" + firstLine(e.getMessage()) + ")", null, -1);
        }
        Class<?> egress = compiled.getKnownEgressType();
        if (egress != Boolean.class && egress != boolean.class) {
            throw new Refusal("MVEL types the condition as " + egress + ", not boolean", null, -1);
        }
        if (ctx.getInputs().size() != inputs || !ctx.getVariables().isEmpty() || conf.hasImports()) {
            throw new Refusal("MVEL declared names of its own while compiling: " + ctx.getInputs().keySet() + " "
                    + ctx.getVariables().keySet(), null, -1);
        }
        ASTNode first = compiled.getFirstNode();
        if (first == null || first.nextASTNode != null) {
            throw new Refusal("MVEL read more than one expression", null, -1);
        }
        verify(first, checked.chains());
        return compiled;
    }

    private static void verify(ExecutableStatement s, Set<String> chains) {
        if (s instanceof CompiledExpression c) {
            ASTNode n = c.getFirstNode();
            if (n == null || n.nextASTNode != null) {
                throw new Refusal("MVEL read more than one expression in a sub-expression", null, -1);
            }
            verify(n, chains);
        } else if (s instanceof ExecutableAccessor a) {
            verify(a.getNode(), chains);
        } else if (s instanceof ExecutableLiteral l) {
            literal(l.getLiteral());
        } else {
            throw new Refusal("unexpected MVEL statement " + s.getClass().getSimpleName(), null, -1);
        }
    }

    private static void verify(ASTNode n, Set<String> chains) {
        Class<?> k = n.getClass();
        if (n.isAssignment() || n.isFQCN()) {
            throw new Refusal("MVEL read an assignment or a class name in '" + n.getName() + "'", n.getName(), -1);
        }
        if (k == ASTNode.class) {
            if (!chains.contains(n.getName())) {
                throw new Refusal("MVEL read '" + n.getName() + "', which the checker did not write", n.getName(), -1);
            }
        } else if (k == LiteralNode.class) {
            literal(n.getLiteralValue());
        } else if (n instanceof BinaryOperation b && (k == BinaryOperation.class
                || k.getPackageName().equals("org.mvel2.ast") && k.getSimpleName().startsWith("Int"))) {
            if (!OPERATORS.contains(b.getOperation())) {
                throw new Refusal("MVEL read operator " + b.getOperation(), null, -1);
            }
            verify(b.getLeft(), chains);
            verify(b.getRight(), chains);
        } else if (k == And.class || k == Or.class) {
            verify(((org.mvel2.ast.BooleanNode) n).getLeft(), chains);
            verify(((org.mvel2.ast.BooleanNode) n).getRight(), chains);
        } else if (k == Negation.class) {
            verify(((Negation) n).getStatement(), chains);
        } else if (k == Substatement.class) {
            verify(((Substatement) n).getStatement(), chains);
        } else {
            throw new Refusal("MVEL built a " + k.getSimpleName() + " node, outside the condition language",
                    n.getName(), -1);
        }
    }

    private static void literal(Object v) {
        if (v != null && !(v instanceof String) && !(v instanceof Boolean) && !(v instanceof Integer)
                && !(v instanceof Long) && !(v instanceof BigDecimal)) {
            throw new Refusal("MVEL read a literal of " + v.getClass().getName(), String.valueOf(v), -1);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
