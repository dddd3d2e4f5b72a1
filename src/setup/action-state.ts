// The only place the main step's state is saved for the post step (GITHUB_STATE ↔ STATE_* variables).
import * as core from '@actions/core'

const IS_POST = 'isPost'
const RUN_KEY = 'runKey'
const IMAGE = 'builtImage'
const CLEANED = 'cleaned'

export const isPost = (): boolean => core.getState(IS_POST) === 'true'

/** Saved first thing in main, so a cancelled or crashed main still lets post find what to remove. */
export function saveRunKey(runKey: string): void {
  core.saveState(IS_POST, 'true')
  core.saveState(RUN_KEY, runKey)
}

/** The publishing mode runs no container: post only needs to know it is the post step. */
export function saveMainRan(): void {
  core.saveState(IS_POST, 'true')
}

export const savedRunKey = (): string => core.getState(RUN_KEY)

export function saveBuiltImage(image: string): void {
  core.saveState(IMAGE, image)
}

export const savedBuiltImage = (): string => core.getState(IMAGE)

/** Main removed everything itself: post only double-checks. */
export function saveCleaned(): void {
  core.saveState(CLEANED, 'true')
}

export const savedCleaned = (): boolean => core.getState(CLEANED) === 'true'
