namespace Mlops.Core.Validation;

/// <summary>The expected predicted count of each class, against which <c>class_count_tolerance</c> is applied.</summary>
public enum ClassBalance
{
    /// <summary>n/k for k classes: the talk's n/3 (balanced classes).</summary>
    Uniform,

    /// <summary>n times the class's share among the validated data's true labels (classes that are not balanced).</summary>
    Reference,
}
