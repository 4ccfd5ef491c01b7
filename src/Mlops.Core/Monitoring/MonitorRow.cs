namespace Mlops.Core.Monitoring;

/// <summary>
/// One answered input as the drift monitor takes it, from the service's forwarder or from the
/// prediction log: the feature vector in the problem's order (the vector a classifier reads: binary
/// 0/1, a category as its index, NaN for missing), the answered class, who answered and, when known,
/// the probability of each class. <see cref="MonitorRowJson"/> writes it on the wire.
/// </summary>
/// <param name="Features">One value per feature of the problem, in its order.</param>
/// <param name="Prediction">The answered class's index, or null (the seed's client sends none).</param>
/// <param name="Source">Who answered (<see cref="AnswerSourceLabel"/>), or null.</param>
/// <param name="Probabilities">One per class in the problem's order, or null (not sent).</param>
public sealed record MonitorRow(IReadOnlyList<double> Features, int? Prediction, string? Source, IReadOnlyList<double>? Probabilities = null);
