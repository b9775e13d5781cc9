package io.loyaltykit.cli.demo;

import io.loyaltykit.Account;
import io.loyaltykit.Loyalty;
import io.loyaltykit.Quote;
import io.loyaltykit.Result;
import io.loyaltykit.event.Adjust;
import io.loyaltykit.event.CheckIn;
import io.loyaltykit.event.CustomEvent;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Line;
import io.loyaltykit.event.Profile;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Redeem;
import io.loyaltykit.event.Return;
import io.loyaltykit.event.Tender;
import io.loyaltykit.event.TopUp;
import io.loyaltykit.event.TopUpRefund;
import io.loyaltykit.event.UpdateProfile;
import io.loyaltykit.program.CashOffset;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.store.LoyaltyStore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A month of a small salon chain on the salon program: two stores with three stylists each, members enrolling
 * (many brought by friends, so referral chains form), services and retail, tier discounts at the till, top-ups
 * with bonus, count cards bought and used, points spent as cash and on rewards, returns, check-ins, reviews and
 * walk-ins who enrol later and claim their points.
 *
 * <p>Generated against the engine itself, so that what a till would only send when it makes sense (an offset
 * within what the bill allows, a stored-value payment within the balance) is mostly valid, as at a real till; a
 * few events are wrong on purpose, as at a real till. The same seed gives the same events.
 */
public final class SalonMonth {
    /** The stores and their stylists. */
    static final Map<String, List<String>> STORES = Map.of("S1", List.of("amy", "bob", "cici"), "S2",
            List.of("dan", "eva", "fay"));
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "林", "罗", "高"};
    private static final String[] GIVEN = {"芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟",
            "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "婷", "雪", "晨", "欣怡", "子涵", "思琪", "浩然"};

    private record Item(String sku, String category, String price, String cost, int weight) {
    }

    private static final List<Item> SERVICES = List.of(
            new Item("CUT-01", "service", "88.00", "20.00", 40),
            new Item("WASH-01", "service", "48.00", "10.00", 15),
            new Item("COLOR-01", "service", "388.00", "120.00", 15),
            new Item("PERM-01", "service", "468.00", "150.00", 10),
            new Item("CARE-01", "service", "168.00", "40.00", 20));
    private static final List<Item> RETAIL = List.of(
            new Item("SHAMPOO-01", "retail", "128.00", "60.00", 5),
            new Item("OIL-01", "retail", "98.00", "40.00", 3),
            new Item("MASK-01", "retail", "158.00", "70.00", 2));
    private static final Item PACKAGE = new Item("PKG-CUT-10", "package", "880.00", "300.00", 1);
    private static final Item GIFT_CARD = new Item("GIFT-200", "gift-card", "200.00", "200.00", 1);

    private final Program program;
    private final Random random;
    private final Loyalty engine;
    private final List<Event> events = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private final List<String> walkInPurchases = new ArrayList<>();
    private final List<Purchase> recentPurchases = new ArrayList<>();
    private int seq;

    private static final class Member {
        final String id;
        final String store;
        final String stylist;
        final boolean appUser;
        final double visitRate;
        final boolean colour;
        final boolean regular;
        String lastTopUp;

        Member(String id, String store, String stylist, boolean appUser, double visitRate, boolean colour,
               boolean regular) {
            this.id = id;
            this.store = store;
            this.stylist = stylist;
            this.appUser = appUser;
            this.visitRate = visitRate;
            this.colour = colour;
            this.regular = regular;
        }
    }

    private record Action(Instant at, Supplier<Event> make, long order) {
        Action(Instant at, Supplier<Event> make) {
            this(at, make, 0);
        }
    }

    private java.util.PriorityQueue<Action> queue;
    private long order;

    private void later(long seconds, Supplier<Event> make) {
        queue.add(new Action(now.plusSeconds(seconds), make, ++order));
    }

    private SalonMonth(Program program, long seed) {
        this.program = program;
        this.random = new Random(seed);
        this.engine = Loyalty.builder(program).store(LoyaltyStore.inMemory()).voucherCodes(() -> "DEMO").build();
    }

    /**
     * Generates the events of May 2026 for a chain that opens its member program on the 1st.
     *
     * @param program     the salon program (its skus and rewards are the ones the generator uses)
     * @param seed        the random seed
     * @param members     how many members enrol over the month (at least 10)
     * @return the events in time order
     */
    public static List<Event> generate(Program program, long seed, int members) {
        SalonMonth m = new SalonMonth(program, seed);
        m.run(LocalDate.of(2026, 5, 1), 31, Math.max(10, members));
        return List.copyOf(m.events);
    }

    private Instant launchEnd;

    private void run(LocalDate first, int days, int memberCount) {
        launchEnd = first.plusDays(3).atStartOfDay(program.zone()).toInstant();
        int launch = memberCount / 2;
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            List<Action> actions = new ArrayList<>();
            int newToday = d == 0 ? launch / 2 : d < 3 ? launch / 4 : (memberCount - launch) / (days - 3)
                    + (random.nextInt(days - 3) < (memberCount - launch) % (days - 3) ? 1 : 0);
            if (d == days - 1) {
                newToday = Math.max(0, memberCount - members.size());
            }
            for (int i = 0; i < newToday; i++) {
                actions.add(new Action(at(day, 10, 21), this::enroll));
            }
            for (Member m : members) {
                if (random.nextDouble() < m.visitRate) {
                    actions.add(new Action(at(day, 10, 21), () -> visit(m)));
                }
                if (m.appUser && random.nextDouble() < 0.45) {
                    actions.add(new Action(at(day, 7, 10), () -> new CheckIn(id("ck"), nowOf(), m.id)));
                    if (random.nextInt(30) == 0) {
                        // a double tap in the app: the second check-in of the day is refused
                        actions.add(new Action(at(day, 10, 11), () -> new CheckIn(id("ck"), nowOf(), m.id)));
                    }
                }
            }
            for (int i = 0; i < 4 + random.nextInt(4); i++) {
                actions.add(new Action(at(day, 10, 21), this::walkIn));
            }
            for (int i = 0; i < 1 + random.nextInt(2); i++) {
                actions.add(new Action(at(day, 11, 20), this::returnSomething));
            }
            if (d == 12 || d == 24) {
                actions.add(new Action(at(day, 15, 17), this::refundTopUp));
            }
            if (d % 10 == 5 && !members.isEmpty()) {
                actions.add(new Action(at(day, 18, 19), this::adjust));
            }
            if (d % 4 == 2 && !members.isEmpty()) {
                actions.add(new Action(at(day, 9, 10), this::updateProfile));
            }
            // follow-ups (a review an hour after a visit, a top-up at the desk after signing up) join the queue,
            // so the events stay in time order
            queue = new java.util.PriorityQueue<>(Comparator.comparing(Action::at).thenComparingLong(Action::order));
            for (Action a : actions) {
                queue.add(new Action(a.at, a.make, ++order));
            }
            while (!queue.isEmpty()) {
                Action a = queue.poll();
                now = a.at;
                Event e = a.make.get();
                if (e != null) {
                    record(e);
                    if (e instanceof Purchase p && p.member() != null && random.nextInt(7) == 0) {
                        later(3600, () -> new CustomEvent(id("rv"), nowOf(), p.member(), "review_posted",
                                Map.of("stars", BigDecimal.valueOf(4 + random.nextInt(2)))));
                    }
                }
            }
        }
    }

    private Instant now;

    private Instant nowOf() {
        return now;
    }

    private void record(Event e) {
        Result r = engine.apply(e);
        events.add(e);
        if (e instanceof Purchase && random.nextInt(80) == 0) {
            events.add(e); // the till retried after a timeout: the same event again
        }
        if (r instanceof Result.Applied && e instanceof Purchase p && p.member() != null) {
            recentPurchases.add(p);
            if (recentPurchases.size() > 200) {
                recentPurchases.remove(0);
            }
        }
    }

    private Instant at(LocalDate day, int fromHour, int toHour) {
        int minutes = random.nextInt((toHour - fromHour) * 60);
        return ZonedDateTime.of(day, LocalTime.of(fromHour, 0).plusMinutes(minutes).plusSeconds(random.nextInt(60)),
                program.zone()).toInstant();
    }

    private String id(String prefix) {
        return prefix + "-" + (++seq);
    }

    // ------------------------------------------------------------------ enrolment

    private Event enroll() {
        int n = members.size() + 1;
        String id = String.format("M%04d", n);
        String store = random.nextInt(3) < 2 ? "S1" : "S2";
        List<String> staff = STORES.get(store);
        String stylist = staff.get(random.nextInt(staff.size()));
        boolean colour = random.nextInt(4) == 0;
        List<String> tags = new ArrayList<>();
        if (colour) {
            tags.add("colour");
        }
        if (random.nextInt(6) == 0) {
            tags.add("student");
        }
        String gender = random.nextInt(10) < 7 ? "F" : "M";
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        LocalDate birthday = LocalDate.of(1965 + random.nextInt(42), 1 + random.nextInt(12), 1 + random.nextInt(28));
        if (random.nextInt(8) == 0) {
            birthday = birthday.withMonth(5);
        }
        String phone = "13" + (100000000 + random.nextInt(900000000));
        String referrer = null;
        if (!members.isEmpty() && random.nextInt(10) < 4) {
            // friends of recent members more often: chains form
            int pick = members.size() - 1 - Math.min(members.size() - 1, (int) Math.abs(random.nextGaussian() * 30));
            referrer = members.get(pick).id;
        }
        List<String> claims = new ArrayList<>();
        if (!walkInPurchases.isEmpty() && random.nextInt(5) == 0) {
            claims.add(walkInPurchases.remove(walkInPurchases.size() - 1));
        }
        // a few regulars come twice a week for colour, perm and care: they reach silver within the month
        boolean regular = random.nextInt(16) == 0;
        Member m = new Member(id, store, stylist, random.nextInt(3) == 0, regular ? 0.3 : 0.08 + random.nextDouble()
                * 0.14, colour, regular);
        members.add(m);
        Enroll e = new Enroll(id("en"), now, id, new Profile(name, phone, birthday, gender, tags), referrer, store,
                stylist, claims);
        if (now.isBefore(launchEnd) && random.nextInt(3) == 0) {
            // members of the old paper card bring their points over when the program launches
            long points = 300 + 100L * random.nextInt(40);
            later(60, () -> new Adjust(id("mig"), nowOf(), id, points, "points carried over from the old member card",
                    "front-desk"));
        }
        if (random.nextInt(5) == 0) {
            // 充值送 at the desk right after signing up
            later(120, () -> topUp(m));
        }
        return e;
    }

    private Event topUp(Member m) {
        String[] amounts = {"500.00", "1000.00", "1000.00", "2000.00", "300.00"};
        String id = id("tu");
        m.lastTopUp = id;
        return new TopUp(id, now, m.id, new BigDecimal(amounts[random.nextInt(amounts.length)]), m.store, m.stylist,
                null);
    }

    private Event refundTopUp() {
        for (Member m : members) {
            if (m.lastTopUp != null && random.nextInt(3) == 0) {
                String original = m.lastTopUp;
                m.lastTopUp = null;
                return new TopUpRefund(id("tr"), now, m.id, original);
            }
        }
        return null;
    }

    private Event adjust() {
        Member m = members.get(random.nextInt(members.size()));
        return new Adjust(id("adj"), now, m.id, 200, "compensation: waited 40 minutes past the booking", "manager");
    }

    private Event updateProfile() {
        Member m = members.get(random.nextInt(members.size()));
        return new UpdateProfile(id("up"), now, m.id, new Profile(null, "13" + (100000000 + random.nextInt(900000000)),
                null, null, null), false);
    }

    // ------------------------------------------------------------------ visits

    private Event visit(Member m) {
        Account account = engine.account(m.id, now);
        int roll = random.nextInt(100);
        if (roll < 4 && account.storedValue().total().compareTo(new BigDecimal("100")) < 0) {
            return topUp(m);
        }
        if (roll < 10) {
            String reward = pickReward(account);
            if (reward != null) {
                return new Redeem(id("rd"), now, m.id, reward, m.store);
            }
        }
        List<Item> basket = new ArrayList<>();
        boolean hasCard = account.packages().values().stream().anyMatch(p -> p.remaining() > 0);
        if (roll >= 10 && roll < 14 && !hasCard) {
            basket.add(PACKAGE);
        } else if (roll == 14) {
            basket.add(GIFT_CARD);
        } else {
            Item service = pick(SERVICES);
            if (m.colour && random.nextInt(3) == 0) {
                service = SERVICES.get(2);
            }
            if (m.regular) {
                service = SERVICES.get(2 + random.nextInt(3));
            }
            basket.add(service);
            if (random.nextInt(10) < (m.regular ? 6 : 3)) {
                basket.add(pick(RETAIL));
            }
        }
        return purchase(id("p"), m, basket, account, hasCard);
    }

    private String pickReward(Account account) {
        long available = account.points().available();
        List<String> options = new ArrayList<>();
        for (var r : program.rewards()) {
            if (r.points() <= available && (r.tiers().isEmpty() || r.tiers().contains(account.tier()))) {
                options.add(r.id());
            }
        }
        if (options.isEmpty() && available > 500 && random.nextInt(4) == 0) {
            return program.rewards().get(random.nextInt(program.rewards().size())).id(); // asks anyway: rejected
        }
        return options.isEmpty() ? null : options.get(random.nextInt(options.size()));
    }

    private Item pick(List<Item> items) {
        int total = items.stream().mapToInt(Item::weight).sum();
        int r = random.nextInt(total);
        for (Item i : items) {
            r -= i.weight;
            if (r < 0) {
                return i;
            }
        }
        return items.get(0);
    }

    private Event purchase(String id, Member m, List<Item> basket, Account account, boolean hasCard) {
        String tier = account.tier();
        TierLevel level = program.tiers().level(tier);
        List<Line> lines = new ArrayList<>();
        int n = 0;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal packageAmount = BigDecimal.ZERO;
        String packageId = null;
        for (Item item : basket) {
            BigDecimal qty = BigDecimal.ONE;
            BigDecimal gross = new BigDecimal(item.price);
            BigDecimal discount = BigDecimal.ZERO;
            if (level != null) {
                for (TierLevel.Discount d : level.discounts()) {
                    if (d.categories().contains(item.category)) {
                        discount = gross.subtract(gross.multiply(d.rate())).setScale(2, RoundingMode.HALF_UP);
                    }
                }
            }
            Line line = new Line(Integer.toString(++n), item.sku, item.category, qty, gross, discount.signum() == 0
                    ? null : discount, new BigDecimal(item.cost), m.stylist);
            lines.add(line);
            BigDecimal net = gross.subtract(discount);
            total = total.add(net);
            var pkg = program.packagesBySku().values().stream().filter(p -> p.covers().contains(item.sku)).findFirst();
            if (hasCard && pkg.isPresent() && account.packages().containsKey(pkg.get().id())
                    && account.packages().get(pkg.get().id()).remaining() > 0) {
                packageAmount = packageAmount.add(net);
                packageId = pkg.get().id();
            }
        }
        Purchase.Builder b = Purchase.builder(id, now).member(m.id).store(m.store).staff(m.stylist);
        lines.forEach(b::line);
        BigDecimal due = total.subtract(packageAmount);
        CashOffset offset = program.cashOffset();
        long redeem = 0;
        if (offset != null && packageAmount.signum() == 0 && account.points().available() >= offset.minPoints()
                && random.nextInt(100) < 18) {
            Quote q = engine.quote(b.tender("cash", total.toPlainString()).build());
            b = Purchase.builder(id, now).member(m.id).store(m.store).staff(m.stylist);
            lines.forEach(b::line);
            long max = q.maxRedeemablePoints();
            if (random.nextInt(15) == 0) {
                redeem = max + offset.step(); // asks for more than the bill allows: REDEMPTION_NOT_ALLOWED
            } else if (max >= offset.minPoints()) {
                long steps = max / offset.step();
                redeem = (1 + random.nextInt((int) Math.max(1, steps))) * offset.step();
                redeem = Math.min(redeem, max - max % offset.step());
            }
        }
        if (redeem > 0) {
            b.redeemPoints(redeem);
            BigDecimal value = offset.value().multiply(BigDecimal.valueOf(redeem))
                    .divide(BigDecimal.valueOf(offset.points()), 2, RoundingMode.HALF_UP);
            due = due.subtract(value);
        }
        if (packageAmount.signum() > 0) {
            b.tender(Tender.pkg(packageId, packageAmount.toPlainString()));
        }
        if (due.signum() > 0) {
            BigDecimal sv = account.storedValue().total();
            if (sv.compareTo(due) >= 0 && random.nextInt(10) < 7) {
                b.tender(Tender.of(Tender.STORED_VALUE, due.toPlainString()));
            } else {
                String[] ways = {"wechat", "wechat", "alipay", "cash", "card"};
                b.tender(Tender.of(ways[random.nextInt(ways.length)], due.toPlainString()));
            }
        }
        return b.build();
    }

    private Event walkIn() {
        String store = random.nextInt(3) < 2 ? "S1" : "S2";
        List<String> staff = STORES.get(store);
        Item service = pick(SERVICES);
        String id = id("w");
        Purchase p = Purchase.builder(id, now).store(store).staff(staff.get(random.nextInt(staff.size())))
                .line(new Line("1", service.sku, service.category, BigDecimal.ONE, new BigDecimal(service.price), null,
                        new BigDecimal(service.cost), null))
                .tender(random.nextBoolean() ? "cash" : "wechat", service.price).build();
        if (random.nextInt(3) == 0) {
            walkInPurchases.add(id);
        }
        return p;
    }

    private Event returnSomething() {
        if (recentPurchases.isEmpty()) {
            return null;
        }
        Purchase p = recentPurchases.remove(random.nextInt(recentPurchases.size()));
        if (p.lines().size() > 1 && random.nextBoolean()) {
            Line l = p.lines().get(p.lines().size() - 1);
            return new Return(id("r"), now, p.member(), p.id(), List.of(new Return.ReturnLine(l.line(), l.qty())),
                    p.store());
        }
        return new Return(id("r"), now, p.member(), p.id(), List.of(), p.store());
    }
}
