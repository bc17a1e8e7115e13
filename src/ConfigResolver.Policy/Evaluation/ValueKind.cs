namespace ConfigResolver.Policy.Evaluation;

internal enum ValueKind : byte
{
    Null,
    Bool,
    Number,
    String,
    Object,
    List,
}
