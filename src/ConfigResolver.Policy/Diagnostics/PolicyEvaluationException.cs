namespace ConfigResolver.Policy.Diagnostics;

/// <summary>
/// Thrown by an enforce call that cannot be evaluated: a request of the wrong size, an attribute missing from a
/// request object, a function that rejects its argument (ipMatch on a non-IP value), an unknown enforce context.
/// These are the requests on which Go casbin returns an error. The enforcer's state is unchanged.
/// </summary>
public sealed class PolicyEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolicyEvaluationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What could not be evaluated and why.</param>
    public PolicyEvaluationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception a function threw.</summary>
    /// <param name="message">What could not be evaluated and why.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
