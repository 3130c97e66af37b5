package io.github.ecsmock.internal.protocol;

/**
 * Where a value sits in a request ({@code containerDefinitions[0].portMappings[1].containerPort}),
 * spelled out only when an error names it. The reader and the validator visit every member of every
 * request, and building this text for each of them, though hardly any request is refused, was a
 * tenth of reading one.
 *
 * @param parent the path of the structure, list or map holding this value; {@code null} at the top
 * @param name the member's name or the map key, or {@code null} for a list element
 * @param index the list element's position, when {@code name} is {@code null}
 */
record MemberPath(MemberPath parent, String name, int index) {
    static MemberPath member(MemberPath parent, String name) {
        return new MemberPath(parent, name, -1);
    }

    static MemberPath element(MemberPath list, int index) {
        return new MemberPath(list, null, index);
    }

    /** The path as ECS names members in its messages. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        append(text);
        return text.toString();
    }

    private void append(StringBuilder text) {
        if (parent != null) {
            parent.append(text);
        }
        if (name == null) {
            text.append('[').append(index).append(']');
        } else {
            if (parent != null) {
                text.append('.');
            }
            text.append(name);
        }
    }
}
