// The post step: removes whatever the main step left (a cancelled job, a crash). It warns on trouble and
// never fails the job: the verdict belongs to the main step, so the exit code here is always 0.
import * as core from '@actions/core'
import { RUN_LABEL } from './docker/args.js'
import { Docker } from './docker/docker.js'
import { savedBuiltImage, savedCleaned, savedRunKey } from './setup/action-state.js'
import { ComposeCli, composeProject } from './compose/compose-cli.js'

export async function run(docker = new Docker()): Promise<void> {
  try {
    await removeLeftovers(docker)
  } catch (error) {
    core.warning(`Cleanup after the smoke test did not finish: ${error instanceof Error ? error.message : String(error)}`)
  }
  process.exitCode = 0
}

async function removeLeftovers(docker: Docker): Promise<void> {
  const runKey = savedRunKey()
  if (!runKey) return
  const leftovers = await docker.containersWithLabel(`${RUN_LABEL}=${runKey}`)
  if (leftovers.length > 0) {
    core.info(`Removing ${leftovers.length} container(s) left by the smoke test.`)
    await docker.removeContainers(leftovers)
  } else if (!savedCleaned()) {
    core.info('Nothing left to remove.')
  }
  // The compose dependencies carry Compose's project label, not the run's: take the project down by its name.
  const compose = new ComposeCli(composeProject(runKey), undefined)
  if (await compose.exists()) {
    core.info(`Removing the compose project ${compose.project} left by the smoke test.`)
    await compose.down()
  }
  const image = savedBuiltImage()
  // `compare: base` builds the base commit's image under the same name with `-base`.
  if (image) for (const tag of [image, `${image}-base`]) await docker.removeImage(tag)
}
