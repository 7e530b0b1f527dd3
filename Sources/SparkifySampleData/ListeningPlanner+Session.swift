extension ListeningPlanner {
    /// One step of a session before it is given a time.
    private struct Step {
        var page: Page
        var authentication: Authentication
        var track: Int32 = -1
        var paid: Bool
    }

    /// Plays one session of at most `length` events starting `offset` ms after midnight of
    /// `day`, appending its events; returns how many it played (fewer when midnight cuts it).
    /// Only when `changesState` may the session switch the listener's level or cancel.
    mutating func playSession(
        day: Int, offset: Int, length: Int, changesState: Bool, into events: inout [PlannedEvent]
    ) -> Int {
        let dayStart = EventPlan.firstDayMillis + day * EventPlan.dayMillis
        let listener = chooseListener(at: dayStart + offset)
        var level = paid[listener]
        var steps = [Step]()
        steps.reserveCapacity(length)
        var remaining = length

        let shape = random.unit()
        if shape < 0.08 && remaining >= 2 {
            // Arrives logged out, looks around, logs in.
            let browsing = min(remaining - 1, random.int(in: 1...2))
            for _ in 0..<browsing {
                let roll = random.unit()
                let page: Page = roll < 0.7 ? .home : (roll < 0.85 ? .about : .help)
                steps.append(Step(page: page, authentication: .loggedOut, paid: level))
            }
            steps.append(Step(page: .login, authentication: .loggedOut, paid: level))
            remaining -= browsing + 1
        }
        var tail = shape >= 0.08 && shape < 0.16 ? random.int(in: 1...2) : 0
        tail = min(tail, remaining)
        let bodyStart = steps.count

        // A due level switch happens inside the body; a due cancellation ends the session.
        var switchAt = -1
        let switchDays = listeners[listener].levelSwitchDays
        if changesState && switchesDone[listener] < switchDays.count
            && switchDays[switchesDone[listener]] <= day && remaining - tail >= 2 {
            switchAt = bodyStart + random.int(below: remaining - tail - 1)
        }
        var cancelAt = -1
        if changesState, let cancelDay = listeners[listener].cancelDay, cancelDay <= day, switchAt < 0,
            remaining >= 2 {
            tail = 0
            cancelAt = bodyStart + remaining - 2
        }

        let bodyEnd = bodyStart + remaining - tail
        while steps.count < bodyEnd {
            if steps.count == switchAt {
                steps.append(Step(page: level ? .downgrade : .upgrade, authentication: .loggedIn, paid: level))
                steps.append(Step(page: level ? .submitDowngrade : .submitUpgrade, authentication: .loggedIn, paid: level))
                level.toggle()
            } else if steps.count == cancelAt {
                steps.append(Step(page: .cancel, authentication: .loggedIn, paid: level))
                steps.append(Step(page: .cancellationConfirmation, authentication: .cancelled, paid: level))
            } else {
                steps.append(bodyStep(paid: level))
            }
        }
        if tail > 0 {
            steps.append(Step(page: .logout, authentication: .loggedIn, paid: level))
            if tail > 1 { steps.append(Step(page: .home, authentication: .loggedOut, paid: level)) }
        }
        return emit(steps, listener: listener, day: day, offset: offset, switchAt: switchAt,
                    cancelAt: cancelAt, into: &events)
    }

    /// Gives the steps their times; stops at midnight. Applies the level switch and the
    /// cancellation only when their events were actually played.
    private mutating func emit(
        _ steps: [Step], listener: Int, day: Int, offset: Int, switchAt: Int, cancelAt: Int,
        into events: inout [PlannedEvent]
    ) -> Int {
        let sessionID = Int32(truncatingIfNeeded: nextSessionID)
        nextSessionID += 1
        var time = offset
        var played = 0
        for step in steps {
            guard time < EventPlan.dayMillis else { break }
            events.append(PlannedEvent(
                offset: Int32(time), sessionID: sessionID, listener: Int32(listener), track: step.track,
                itemInSession: UInt16(truncatingIfNeeded: played), page: step.page,
                flags: step.authentication.rawValue | (step.paid ? 4 : 0)))
            played += 1
            if step.page == .nextSong {
                time += duration(ofTrack: Int(step.track)) / 100
            } else if step.authentication == .loggedOut {
                time += random.int(in: 2_000...30_000)
            } else {
                time += random.int(in: 1_000...60_000)
            }
        }
        if switchAt >= 0 && played > switchAt + 1 {
            paid[listener].toggle()
            switchesDone[listener] += 1
        }
        if cancelAt >= 0 && played > cancelAt + 1 {
            cancelled[listener] = true
        }
        busyUntil[listener] = EventPlan.firstDayMillis + day * EventPlan.dayMillis + time
        return played
    }

    /// A logged-in page: mostly songs, otherwise browsing.
    private mutating func bodyStep(paid: Bool) -> Step {
        if random.chance(0.83) {
            return Step(page: .nextSong, authentication: .loggedIn, track: Int32(chooseTrack()), paid: paid)
        }
        let roll = random.int(below: 68)
        let page: Page
        switch roll {
        case 0..<40: page = .home
        case 40..<46: page = .settings
        case 46..<48: page = .saveSettings
        case 48..<55: page = .help
        case 55..<58: page = .about
        case 58..<67: page = paid ? .downgrade : .upgrade
        default: page = .error
        }
        return Step(page: page, authentication: .loggedIn, paid: paid)
    }

    /// A catalog song (popular artists far more often) or, less often, a track elsewhere.
    private mutating func chooseTrack() -> Int {
        if !catalog.artists.isEmpty && random.chance(Self.catalogShare) {
            let artist = catalog.artists[artistSampler.draw(&random)]
            return artist.firstSong + random.int(below: artist.songCount)
        }
        return catalog.songs.count + elsewhereSampler.draw(&random)
    }

    private func duration(ofTrack track: Int) -> Int {
        track < catalog.songs.count
            ? catalog.songs[track].duration : catalog.elsewhere[track - catalog.songs.count].duration
    }

    /// An active listener who is not in another session at `time`, by activity.
    private mutating func chooseListener(at time: Int) -> Int {
        for _ in 0..<12 {
            let candidate = listenerSampler.draw(&random)
            if !cancelled[candidate] && busyUntil[candidate] <= time { return candidate }
        }
        let first = random.int(below: listeners.count)
        var fallback = -1
        for step in 0..<listeners.count {
            let candidate = (first + step) % listeners.count
            guard !cancelled[candidate] else { continue }
            if busyUntil[candidate] <= time { return candidate }
            if fallback < 0 { fallback = candidate }
        }
        return fallback >= 0 ? fallback : first
    }
}
