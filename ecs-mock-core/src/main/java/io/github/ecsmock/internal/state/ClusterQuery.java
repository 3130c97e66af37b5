package io.github.ecsmock.internal.state;

import io.github.ecsmock.internal.errors.Errors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * ECS's cluster query language, as its developer guide defines it: {@code subject operator
 * [argument]} comparisons over a container instance ({@code attribute:<name>}, {@code ec2InstanceId},
 * {@code agentConnected}, {@code agentVersion}, {@code registeredAt}, {@code runningTasksCount},
 * {@code task:group}), combined with {@code and}/{@code &&}, {@code or}/{@code ||},
 * {@code not}/{@code !} and parentheses. Used by {@code memberOf} placement constraints and the
 * {@code filter} of ListContainerInstances.
 *
 * <p>A comparison on a subject the instance lacks is false, except for {@code !exists} and the
 * negated operators. {@code task:group == g} holds when any task on the instance is in group g.
 */
public final class ClusterQuery {
    private final Predicate<ContainerInstanceEntry> predicate;

    private ClusterQuery(Predicate<ContainerInstanceEntry> predicate) {
        this.predicate = predicate;
    }

    /** Parses an expression, or throws {@code InvalidParameterException} naming what is wrong. */
    public static ClusterQuery parse(String expression) {
        Parser parser = new Parser(expression, tokens(expression));
        Predicate<ContainerInstanceEntry> predicate = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw invalid(expression, "unexpected '" + parser.tokens.get(parser.position).text + "'");
        }
        return new ClusterQuery(predicate);
    }

    public boolean matches(ContainerInstanceEntry instance) {
        return predicate.test(instance);
    }

    // ------------------------------------------------------------------ tokens

    private record Token(String text, boolean quoted) {
        boolean is(String... options) {
            if (quoted) {
                return false;
            }
            for (String option : options) {
                if (text.equalsIgnoreCase(option)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<String> SYMBOLS = List.of("==", "!=", ">=", "<=", "=~", "!~", "&&", "||", ">", "<");

    private static List<Token> tokens(String expression) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = expression.length();
        while (i < length) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') {
                tokens.add(new Token(String.valueOf(c), false));
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                int end = expression.indexOf(c, i + 1);
                if (end < 0) {
                    throw invalid(expression, "unterminated quote");
                }
                tokens.add(new Token(expression.substring(i + 1, end), true));
                i = end + 1;
                continue;
            }
            String symbol = symbolAt(expression, i);
            if (symbol != null) {
                tokens.add(new Token(symbol, false));
                i += symbol.length();
                continue;
            }
            if (c == '!') {
                // "!in", "!exists" are operators; a lone "!" is a negation.
                int end = wordEnd(expression, i + 1);
                String word = expression.substring(i + 1, end);
                if (word.equalsIgnoreCase("in") || word.equalsIgnoreCase("exists")) {
                    tokens.add(new Token("!" + word, false));
                    i = end;
                } else {
                    tokens.add(new Token("!", false));
                    i++;
                }
                continue;
            }
            int end = wordEnd(expression, i);
            tokens.add(new Token(expression.substring(i, end), false));
            i = end;
        }
        return tokens;
    }

    private static String symbolAt(String expression, int i) {
        for (String symbol : SYMBOLS) {
            if (expression.startsWith(symbol, i)) {
                return symbol;
            }
        }
        return null;
    }

    private static int wordEnd(String expression, int from) {
        int i = from;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == ','
                    || symbolAt(expression, i) != null || (c == '!' && i > from)) {
                break;
            }
            i++;
        }
        return i;
    }

    // ------------------------------------------------------------------ grammar

    private static final class Parser {
        private static final int MAX_DEPTH = 32;

        final String expression;
        final List<Token> tokens;
        int position;
        int depth;

        Parser(String expression, List<Token> tokens) {
            this.expression = expression;
            this.tokens = tokens;
        }

        Token peek() {
            return position < tokens.size() ? tokens.get(position) : null;
        }

        Token next(String what) {
            if (position >= tokens.size()) {
                throw invalid(expression, what + " expected at the end");
            }
            return tokens.get(position++);
        }

        /**
         * A chain of {@code or}s (and of {@code and}s below) is one predicate over a list, not a lambda
         * wrapping the one before: a long chain would otherwise be as deep a recursion when tested.
         */
        Predicate<ContainerInstanceEntry> or() {
            List<Predicate<ContainerInstanceEntry>> any = new ArrayList<>(List.of(and()));
            while (peek() != null && peek().is("or", "||")) {
                position++;
                any.add(and());
            }
            return any.size() == 1 ? any.get(0) : instance -> any.stream().anyMatch(term -> term.test(instance));
        }

        Predicate<ContainerInstanceEntry> and() {
            List<Predicate<ContainerInstanceEntry>> all = new ArrayList<>(List.of(unary()));
            while (peek() != null && peek().is("and", "&&")) {
                position++;
                all.add(unary());
            }
            return all.size() == 1 ? all.get(0) : instance -> all.stream().allMatch(term -> term.test(instance));
        }

        /** Parentheses and negations nest; deeper than anyone writes is refused rather than overflowing the stack. */
        Predicate<ContainerInstanceEntry> unary() {
            Token token = peek();
            if (token == null) {
                throw invalid(expression, "an expression expected at the end");
            }
            if (!token.is("not", "!", "(")) {
                return comparison();
            }
            if (++depth > MAX_DEPTH) {
                throw invalid(expression, "parentheses and negations nest at most " + MAX_DEPTH + " deep");
            }
            position++;
            Predicate<ContainerInstanceEntry> nested;
            if (token.is("(")) {
                nested = or();
                if (!next("')'").is(")")) {
                    throw invalid(expression, "')' expected");
                }
            } else {
                nested = unary().negate();
            }
            depth--;
            return nested;
        }

        Predicate<ContainerInstanceEntry> comparison() {
            Token subjectToken = next("a subject");
            if (subjectToken.quoted || subjectToken.is(")", "]", ",", "[")) {
                throw invalid(expression, "a subject expected, found '" + subjectToken.text + "'");
            }
            Subject subject = Subject.of(subjectToken.text, expression);
            String operator = operator(next("an operator"));
            switch (operator) {
                case "exists":
                    return instance -> subject.exists(instance);
                case "not_exists":
                    return instance -> !subject.exists(instance);
                case "in":
                case "not_in": {
                    List<String> values = list();
                    Predicate<ContainerInstanceEntry> in = instance -> subject.values(instance).stream().anyMatch(values::contains);
                    return operator.equals("in") ? in : in.negate();
                }
                case "matches":
                case "not_matches": {
                    Pattern pattern;
                    String regex = value();
                    try {
                        pattern = Pattern.compile(regex);
                    } catch (PatternSyntaxException e) {
                        throw invalid(expression, "'" + regex + "' is not a valid pattern");
                    }
                    Predicate<ContainerInstanceEntry> match = instance -> subject.values(instance).stream()
                            .anyMatch(value -> pattern.matcher(value).matches());
                    return operator.equals("matches") ? match : match.negate();
                }
                case "equals":
                case "not_equals": {
                    String value = value();
                    Predicate<ContainerInstanceEntry> equal = instance -> subject.values(instance).contains(value);
                    return operator.equals("equals") ? equal : equal.negate();
                }
                default: {
                    String value = value();
                    Comparable<Object> argument = subject.ordered(value, expression);
                    return instance -> {
                        for (String own : subject.values(instance)) {
                            int order = subject.ordered(own, expression).compareTo(argument);
                            if (switch (operator) {
                                case "greater_than" -> order > 0;
                                case "greater_than_equal" -> order >= 0;
                                case "less_than" -> order < 0;
                                default -> order <= 0;
                            }) {
                                return true;
                            }
                        }
                        return false;
                    };
                }
            }
        }

        private String operator(Token token) {
            if (token.quoted) {
                throw invalid(expression, "an operator expected, found '" + token.text + "'");
            }
            return switch (token.text.toLowerCase(java.util.Locale.ROOT)) {
                case "==", "equals" -> "equals";
                case "!=", "not_equals" -> "not_equals";
                case ">", "greater_than" -> "greater_than";
                case ">=", "greater_than_equal" -> "greater_than_equal";
                case "<", "less_than" -> "less_than";
                case "<=", "less_than_equal" -> "less_than_equal";
                case "exists" -> "exists";
                case "!exists", "not_exists" -> "not_exists";
                case "in" -> "in";
                case "!in", "not_in" -> "not_in";
                case "=~", "matches" -> "matches";
                case "!~", "not_matches" -> "not_matches";
                default -> throw invalid(expression, "'" + token.text + "' is not an operator");
            };
        }

        private String value() {
            Token token = next("an argument");
            if (!token.quoted && token.is("(", ")", "[", "]", ",")) {
                throw invalid(expression, "an argument expected, found '" + token.text + "'");
            }
            return token.text;
        }

        private List<String> list() {
            if (!next("'['").is("[")) {
                throw invalid(expression, "in and not_in take a list such as [a, b]");
            }
            List<String> values = new ArrayList<>();
            while (true) {
                values.add(value());
                Token separator = next("']'");
                if (separator.is("]")) {
                    return values;
                }
                if (!separator.is(",")) {
                    throw invalid(expression, "',' or ']' expected, found '" + separator.text + "'");
                }
            }
        }
    }

    // ------------------------------------------------------------------ subjects

    private record Subject(String name) {
        static Subject of(String text, String expression) {
            if (text.startsWith("attribute:") && text.length() > "attribute:".length()) {
                return new Subject(text);
            }
            return switch (text) {
                case "agentConnected", "agentVersion", "ec2InstanceId", "registeredAt", "runningTasksCount", "task:group" ->
                        new Subject(text);
                default -> throw invalid(expression, "'" + text + "' is not a subject");
            };
        }

        boolean exists(ContainerInstanceEntry instance) {
            if (name.startsWith("attribute:")) {
                return instance.hasAttribute(name.substring("attribute:".length()));
            }
            return !values(instance).isEmpty();
        }

        /** The subject's values on an instance: none when it lacks it, several for task groups. */
        Set<String> values(ContainerInstanceEntry instance) {
            if (name.startsWith("attribute:")) {
                String value = instance.attribute(name.substring("attribute:".length()));
                return value == null ? Set.of() : Set.of(value);
            }
            return switch (name) {
                case "agentConnected" -> Set.of(String.valueOf(!"INACTIVE".equals(instance.status())));
                case "agentVersion" -> instance.agentVersion() == null ? Set.of() : Set.of(instance.agentVersion());
                case "ec2InstanceId" -> Set.of(instance.ec2InstanceId());
                case "registeredAt" -> Set.of(instance.registeredAt().toString());
                case "runningTasksCount" -> Set.of(String.valueOf(instance.runningTasksCount()));
                default -> instance.taskGroups();
            };
        }

        /** A value in the order its subject compares by: numbers, versions, dates, else text. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparable<Object> ordered(String value, String expression) {
            Comparable comparable = switch (name) {
                case "runningTasksCount" -> number(value, expression);
                case "agentVersion" -> new Version(value);
                case "registeredAt" -> instant(value, expression);
                default -> new Text(value);
            };
            return comparable;
        }

        private static Long number(String value, String expression) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw invalid(expression, "'" + value + "' is not a number");
            }
        }

        private static boolean isNumber(String value) {
            return !value.isEmpty() && value.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        }

        private static Instant instant(String value, String expression) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                // try the next form
            }
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next form
            }
            try {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw invalid(expression, "'" + value + "' is not a date such as 2018-06-18T22:28:28Z or 2018-06-18");
            }
        }
    }

    /** An attribute value: compared as numbers when both sides are numbers, else as text. */
    private record Text(String text) implements Comparable<Text> {
        @Override
        public int compareTo(Text other) {
            return Subject.isNumber(text) && Subject.isNumber(other.text)
                    ? new Version(text).compareTo(new Version(other.text))
                    : text.compareTo(other.text);
        }
    }

    /** A dotted version (or plain number) compared part by part: 1.14.5 &lt; 1.101.0. */
    private record Version(String text) implements Comparable<Version> {
        @Override
        public int compareTo(Version other) {
            String[] mine = text.split("\\.");
            String[] theirs = other.text.split("\\.");
            for (int i = 0; i < Math.max(mine.length, theirs.length); i++) {
                long a = i < mine.length ? part(mine[i]) : 0;
                long b = i < theirs.length ? part(theirs[i]) : 0;
                if (a != b) {
                    return Long.compare(a, b);
                }
            }
            return 0;
        }

        private static long part(String part) {
            String digits = part.replaceAll("[^0-9].*$", "");
            try {
                return digits.isEmpty() ? 0 : Long.parseLong(digits);
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE; // more digits than a long: larger than anything real
            }
        }
    }

    private static RuntimeException invalid(String expression, String detail) {
        // ECS's own text for a malformed expression is not captured anywhere we could find; this names
        // the expression and what is wrong with it, in ECS's style.
        String shown = expression.length() > 200 ? expression.substring(0, 200) + "..." : expression;
        return Errors.invalidParameter("Invalid filter expression '" + shown + "': " + detail + ".");
    }
}
