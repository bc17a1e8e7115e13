namespace ConfigResolver.Policy.Functions;

/// <summary>
/// A built-in matcher function could not produce a result: Go's casbin panics or returns an error
/// in the same situations (an invalid regular expression or glob pattern, a key that is not an IP
/// address, a malformed time, wrong arguments), and the enforcer reports it as an enforce error.
/// </summary>
public sealed class PolicyFunctionException : Exception
{
    /// <summary>Creates an exception without details.</summary>
    public PolicyFunctionException()
        : this("builtin", "a built-in function failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PolicyFunctionException(string message)
        : this("builtin", message)
    {
    }

    /// <summary>Creates an exception with a message and the underlying cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying cause.</param>
    public PolicyFunctionException(string message, Exception innerException)
        : this("builtin", message, innerException)
    {
    }

    /// <summary>Creates an exception for a named function.</summary>
    /// <param name="functionName">The Casbin name of the function, e.g. <c>regexMatch</c>.</param>
    /// <param name="message">What went wrong, in the words Go's casbin uses where it has them.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public PolicyFunctionException(string functionName, string message, Exception? innerException = null)
        : base(functionName + ": " + message, innerException)
    {
        FunctionName = functionName;
        Detail = message;
    }

    /// <summary>The Casbin name of the function that failed.</summary>
    public string FunctionName { get; }

    /// <summary>The message without the function-name prefix.</summary>
    public string Detail { get; }
}
