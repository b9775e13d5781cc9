package io.loyaltykit.examples.unicenta;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Adapts uniCenta's own objects to the {@code Unicenta*} interfaces by method name. uniCenta's classes are
 * not published anywhere this module could compile against, and its event scripts run in BeanShell, so the
 * {@code ticket.close} script hands the live {@code TicketInfo} over as an {@code Object}; every interface
 * method is answered by the public method of the same name and parameters on the wrapped object, and
 * results that are uniCenta objects themselves (the customer, the lines, the payments) are wrapped in turn.
 *
 * <pre>{@code
 * // BeanShell, in uniCenta's ticket.close event; `ticket` is a com.openbravo.pos.ticket.TicketInfo
 * UnicentaHook.ticketClosed(UnicentaObjects.ticket(ticket));
 * }</pre>
 *
 * A method the wrapped object lacks (an Openbravo POS 2.x ticket has no {@code getTicketStatus()}) fails
 * when called with {@link ErrorCode#INVALID_EVENT} naming the class and the method.
 */
public final class UnicentaObjects {
    private static final Set<Class<?>> VIEWS = Set.of(UnicentaTicket.class, UnicentaTicketLine.class,
            UnicentaCustomer.class, UnicentaUser.class, UnicentaPayment.class);

    private UnicentaObjects() {
    }

    /** A {@code TicketInfo} seen as a {@link UnicentaTicket}; null stays null. */
    public static UnicentaTicket ticket(Object ticketInfo) {
        return wrap(UnicentaTicket.class, ticketInfo);
    }

    /** A {@code TicketLineInfo} seen as a {@link UnicentaTicketLine}; null stays null. */
    public static UnicentaTicketLine line(Object ticketLineInfo) {
        return wrap(UnicentaTicketLine.class, ticketLineInfo);
    }

    private static <T> T wrap(Class<T> view, Object target) {
        if (target == null || view.isInstance(target)) {
            return view.cast(target);
        }
        Object proxy = Proxy.newProxyInstance(view.getClassLoader(), new Class<?>[]{view}, new ByName(view, target));
        return view.cast(proxy);
    }

    private static final class ByName implements InvocationHandler {
        private final Class<?> view;
        private final Object target;

        ByName(Class<?> view, Object target) {
            this.view = view;
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> view.getSimpleName() + "(" + target + ")";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            Method m;
            try {
                m = target.getClass().getMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException e) {
                throw new LoyaltyException(ErrorCode.INVALID_EVENT, target.getClass().getName() + " has no public method "
                        + method.getName() + "(): not a uniCenta 4.x object this adapter understands");
            }
            Object value;
            try {
                value = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return adapt(method, value);
        }

        private static Object adapt(Method method, Object value) {
            if (value == null) {
                return null;
            }
            Class<?> type = method.getReturnType();
            if (VIEWS.contains(type)) {
                return wrap(type, value);
            }
            if (type == List.class) {
                Class<?> element = elementView(method.getGenericReturnType());
                List<Object> out = new ArrayList<>();
                for (Object o : (List<?>) value) {
                    out.add(element == null ? o : wrap(element, o));
                }
                return List.copyOf(out);
            }
            return value;
        }

        private static Class<?> elementView(Type listType) {
            if (listType instanceof ParameterizedType p) {
                Type arg = p.getActualTypeArguments()[0];
                if (arg instanceof WildcardType w && w.getUpperBounds().length == 1) {
                    arg = w.getUpperBounds()[0];
                }
                if (arg instanceof Class<?> c && VIEWS.contains(c)) {
                    return c;
                }
            }
            return null;
        }
    }
}
