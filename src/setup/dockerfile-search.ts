// Zero inputs, no Dockerfile at the root: look where repositories keep theirs (docker/, app/, backend/, deploy/,
// `Dockerfile.*`, `*.dockerfile`), take one only when it is the only one, and pick the build context its COPY
// lines fit. Anything else is a question only the user can answer: the candidates are listed.
import fs from 'node:fs'
import path from 'node:path'
import { DockerfileParser, type JSONInstruction } from 'dockerfile-ast'
import { findRepoFiles } from '../core/repo-files.js'

/** Folders that hold Dockerfiles for a build whose context is the repository root (compose's `dockerfile: docker/…`). */
const DOCKERFILE_FOLDERS = new Set(['docker', 'deploy', 'deployment', 'deployments', 'docker-images', 'dockerfiles', '.docker', 'ops', 'infra'])

export function isDockerfileName(name: string): boolean {
  return name === 'Dockerfile' || name.startsWith('Dockerfile.') || /\.dockerfile$/i.test(name)
}

/** Every Dockerfile below the root (not at it), relative POSIX paths, shallowest first. */
export function findDockerfiles(root: string): string[] {
  return findRepoFiles(root, { include: (name, depth) => depth > 0 && isDockerfileName(name) })
}

/** The local sources of COPY and ADD (not `--from` a stage or image, not URLs, not globs). */
export function copySources(dockerfileText: string): string[] {
  const sources: string[] = []
  for (const instruction of DockerfileParser.parse(dockerfileText).getInstructions()) {
    const keyword = instruction.getKeyword()
    if (keyword !== 'COPY' && keyword !== 'ADD') continue
    const flags = (instruction as JSONInstruction & { getFlags?: () => { getName(): string }[] }).getFlags?.() ?? []
    if (flags.some((flag) => flag.getName() === 'from')) continue
    const json = (instruction as JSONInstruction).getJSONStrings().map((s) => s.getJSONValue())
    const args = json.length > 0 ? json : instruction.getArguments().map((a) => a.getValue())
    sources.push(...args.slice(0, -1).filter((arg) => !/^[a-z]+:\/\//i.test(arg) && !/[*?[]/.test(arg)))
  }
  return sources
}

export interface ChosenContext {
  /** Relative POSIX path of the build context ('.' for the root). */
  context: string
  /** Why, in a few words, for the job log. */
  why: string
}

/**
 * The build context a Dockerfile below the root is meant for: the folder where every file it copies exists; when
 * both fit (or neither), the root for a folder of Dockerfiles (docker/, deploy/), else the Dockerfile's own folder.
 */
export function chooseContext(root: string, dockerfile: string, dockerfileText: string): ChosenContext {
  const own = path.posix.dirname(dockerfile)
  const sources = copySources(dockerfileText).filter((source) => source !== '.' && source !== './')
  const fits = (context: string) => sources.every((source) => fs.existsSync(path.join(root, context, source)))
  const ownFits = fits(own)
  const rootFits = fits('.')
  if (sources.length > 0 && ownFits !== rootFits) {
    return ownFits
      ? { context: own, why: `the files it copies are in ${own}/` }
      : { context: '.', why: 'the files it copies are relative to the repository root' }
  }
  const folderOfDockerfiles = own.split('/').some((part) => DOCKERFILE_FOLDERS.has(part))
  return folderOfDockerfiles
    ? { context: '.', why: `${own}/ holds Dockerfiles, so the build runs from the repository root` }
    : { context: own, why: `the Dockerfile sits with the code in ${own}/` }
}
