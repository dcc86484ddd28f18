/// Runs of open blocks that a blank line always continues without looking at them: lists, and list items that
/// already have a child (§5.2: an item may begin with at most one blank line; after that blank lines stay in
/// it). Matching a blank line walks the open blocks from the outside in (appendix "A parsing strategy"); with
/// these runs recorded the walk jumps over each run at once, so that `n` blank lines under `n` nested lists cost
/// O(n), not O(n²).
///
/// A block's membership changes only while it is the innermost or the next-to-innermost open block: a list item
/// gains its first child when that child opens right inside it, and loses it only when that child, the innermost
/// block, closes and turns out to hold nothing but link reference definitions. So after each push and pop it
/// suffices to recompute the two innermost blocks; the runs further out stay as they are.
extension BlockParser {
    /// Recomputes run membership for the two innermost open blocks (call after every change to `stack`).
    mutating func relinkBlankRuns() {
        let top = stack.count - 1
        guard top >= 1 else { return }
        for depth in max(1, top - 1)...top {
            let node = nodes[Int(stack[depth].node)]
            let transparent = node.kind == .list || (node.kind == .listItem && node.firstChild >= 0)
            guard transparent else {
                stack[depth].blankRun = -1
                continue
            }
            let below = depth - 1 >= 1 ? Int(stack[depth - 1].blankRun) : -1
            let start = below >= 0 ? below : depth
            stack[depth].blankRun = Int32(start)
            stack[start].blankRunEnd = Int32(depth)
        }
    }
}
